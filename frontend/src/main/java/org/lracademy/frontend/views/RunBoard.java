package org.lracademy.frontend.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lracademy.frontend.api.Backend;
import org.lracademy.frontend.api.JobWatch;
import org.lracademy.frontend.chart.LineChart;
import org.lracademy.frontend.present.GroupRouting;
import org.lracademy.frontend.present.VariantList;
import org.lracademy.frontend.present.Verdicts;

/**
 * The live curves of a group of jobs, overlaid: training loss per step, training against validation loss and validation
 * accuracy per epoch, the spread of each layer's activations when the runs report it, and one line per run saying how
 * it went. When a run ends its curve is labelled with its diagnosis.
 */
public class RunBoard extends Div {

    private final Backend backend;
    private final String owner;
    private final LineChart losses = new LineChart(LineChart.Axes.lossPerStep()).capY(3);
    private final LineChart accuracy = new LineChart(new LineChart.Axes("epoch", "validation accuracy", false, false));
    /** Per run two series: the epoch's mean training loss (2i) and its validation loss (2i + 1). */
    private final LineChart epochLosses = new LineChart(new LineChart.Axes("epoch", "loss per epoch", false, false))
            .capY(3);
    private final LineChart spread = new LineChart(new LineChart.Axes("layer", "activation std (first statistics)",
            false, true));
    private final UnorderedList tally = new UnorderedList();
    private final List<Run> runs = new ArrayList<>();
    private final List<JobWatch> watches = new ArrayList<>();
    private Runnable onAllEnded = () -> { };

    /** What the board knows of one run. */
    private static final class Run {
        final int index;
        final String label;
        final ListItem line = new ListItem();
        final ArrayNode losses = JsonNodeFactory.instance.arrayNode();
        boolean ended;
        boolean spreadShown;
        String state = "QUEUED";
        String verdict = "";
        double accuracy = -1;

        Run(int index, String label) {
            this.index = index;
            this.label = label;
        }

        String words() {
            StringBuilder text = new StringBuilder(label).append(": ").append(state.toLowerCase(java.util.Locale.ROOT));
            if (!verdict.isEmpty()) {
                text.append(", ").append(Verdicts.words(verdict));
            }
            if (accuracy >= 0) {
                text.append(", final validation accuracy ").append(String.format("%.1f %%", 100 * accuracy));
            }
            return text.toString();
        }
    }

    public RunBoard(Backend backend, String owner) {
        this.backend = backend;
        this.owner = owner;
        addClassName("academy-board");
        tally.addClassName("academy-tally");
        spread.setVisible(false);
        Div charts = new Div(losses, epochLosses, accuracy, spread);
        charts.addClassName("academy-charts");
        add(charts, tally);
        setVisible(false);
    }

    /** Stops following earlier runs and follows these jobs, one curve each. */
    public void follow(List<String> jobIds, List<String> labels) {
        reset(java.util.stream.IntStream.range(0, jobIds.size())
                .mapToObj(i -> i < labels.size() ? labels.get(i) : "run " + (i + 1)).toList());
        for (Run run : runs) {
            watches.add(JobWatch.start(this, backend, owner, jobIds.get(run.index),
                    listener(List.of(run), event -> run)));
        }
    }

    /**
     * Follows one job that trains several runs, one per value of {@code key}; each event goes to the run it names.
     */
    public void followGroup(String jobId, String key, List<JsonNode> values, List<String> labels) {
        reset(labels);
        List<Run> group = List.copyOf(runs);
        watches.add(JobWatch.start(this, backend, owner, jobId, listener(group, event -> {
            int index = GroupRouting.runOf(event, key, values);
            return index < 0 ? null : group.get(index);
        })));
    }

    private void reset(List<String> labels) {
        setVisible(true);
        watches.forEach(JobWatch::stop);
        watches.clear();
        runs.clear();
        tally.removeAll();
        losses.clear();
        accuracy.clear();
        epochLosses.clear();
        spread.clear();
        spread.setVisible(false);
        for (String label : labels) {
            Run run = new Run(runs.size(), label);
            runs.add(run);
            losses.addSeries(run.label);
            accuracy.addSeries(run.label);
            epochLosses.addSeries(run.label + " · train");
            epochLosses.addSeries(run.label + " · validation");
            spread.addSeries(run.label);
            tally.add(run.line);
            run.line.setText(run.words());
        }
    }

    /** Runs {@code action} once every run followed has ended. */
    public void onAllEnded(Runnable action) {
        this.onAllEnded = action;
    }

    public LineChart lossChart() {
        return losses;
    }

    /** Hands each event to the run {@code route} picks (null: to none); state changes go to every run. */
    private JobWatch.Listener listener(List<Run> group, Function<JsonNode, Run> route) {
        return new JobWatch.Listener() {
            @Override
            public void state(JsonNode event) {
                for (Run run : group) {
                    run.state = event.path("state").asText(run.state);
                    run.line.setText(run.words());
                }
            }

            @Override
            public void step(JsonNode event) {
                Run run = route.apply(event);
                if (run != null) {
                    JsonNode loss = event.path("loss");
                    run.losses.add(loss.isNumber() ? loss : JsonNodeFactory.instance.nullNode());
                    losses.append(run.index, event.path("step").asDouble(), loss.isNumber() ? loss.asDouble() : null);
                }
            }

            @Override
            public void epoch(JsonNode event) {
                Run run = route.apply(event);
                if (run != null) {
                    double epoch = event.path("epoch").asDouble();
                    epochLosses.append(2 * run.index, epoch, number(event.path("train_loss")));
                    epochLosses.append(2 * run.index + 1, epoch, number(event.path("val_loss")));
                }
                if (run != null && event.path("val_accuracy").isNumber()) {
                    run.accuracy = event.get("val_accuracy").asDouble();
                    accuracy.append(run.index, event.path("epoch").asDouble(), run.accuracy);
                    run.line.setText(run.words());
                }
            }

            @Override
            public void layers(JsonNode event) {
                Run run = route.apply(event);
                if (run == null || run.spreadShown) {
                    return;
                }
                // How the activations spread through the depth at the start shows what the initialisation did.
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (JsonNode layer : event.path("layers")) {
                    JsonNode std = layer.path("activation_std");
                    xs.add((double) xs.size() + 1);
                    ys.add(std.isNumber() && std.asDouble() > 0 ? std.asDouble() : null);
                }
                run.spreadShown = true;
                spread.setVisible(true);
                spread.append(run.index, xs, ys);
            }

            @Override
            public void ended(String state, String reason) {
                for (Run run : group) {
                    run.state = reason.isBlank() ? state : state + " (" + reason + ")";
                    run.ended = true;
                    run.line.setText(run.words());
                    diagnose(run);
                }
                if (runs.stream().allMatch(r -> r.ended)) {
                    onAllEnded.run();
                }
            }
        };
    }

    private static Double number(JsonNode value) {
        return value.isNumber() ? value.asDouble() : null;
    }

    private void diagnose(Run run) {
        if (run.losses.size() < 2) {
            return;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("losses", run.losses);
        getUI().ifPresent(ui -> Background.call(ui, () -> backend.diagnosis(owner, body), answer -> {
            run.verdict = answer.path("verdict").asText("");
            losses.relabel(run.index, run.label + " (" + run.verdict.replace('_', ' ') + ")");
            run.line.setText(run.words());
        }, failure -> run.line.setText(run.words() + " (no diagnosis: " + failure.getMessage() + ")")));
    }

    /** Labels for a comparison's runs, from the values it varies. */
    static List<String> labels(String key, JsonNode values) {
        List<String> labels = new ArrayList<>();
        values.forEach(v -> labels.add(VariantList.label(key, v)));
        return labels;
    }
}
