package org.lracademy.frontend.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.lracademy.frontend.api.Backend;
import org.lracademy.frontend.api.JobWatch;
import org.lracademy.frontend.api.Lesson.Experiment;
import org.lracademy.frontend.chart.LineChart;
import org.lracademy.frontend.present.RangeTestReading;
import org.lracademy.frontend.present.VariantList;

/**
 * Sweeps the learning rate and draws loss against it, raw and smoothed, as the sweep runs; then marks what the
 * rules suggest, shades the recommended range and offers the suggestion to the next experiment.
 */
class RangeTestPanel extends ExperimentPanel {

    private final LineChart chart = new LineChart(LineChart.Axes.lossAgainstLr()).capY(3);
    private final Paragraph stop = new Paragraph();
    private final UnorderedList suggestions = new UnorderedList();
    private final Button use = new Button();
    private final DoubleConsumer onUse;
    private JobWatch watch;
    private String jobId = "";
    private double chosen;

    RangeTestPanel(Backend backend, String owner, Experiment experiment, DoubleConsumer onUse) {
        super(backend, owner, experiment, "Run the range test");
        this.onUse = onUse;
        configureUse();
        chart.setVisible(false);
        add(createControls(), problem, chart, createReading());
    }

    private FlexLayout createControls() {
        FlexLayout controls = new FlexLayout(run, status);
        controls.addClassName("academy-controls");
        return controls;
    }

    private Div createReading() {
        stop.addClassName("academy-stop");
        suggestions.addClassName("academy-suggestions");
        Div reading = new Div(stop, suggestions, use);
        reading.addClassName("academy-reading");
        return reading;
    }

    private void configureUse() {
        use.setId("use-this-lr");
        use.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_SUCCESS);
        use.setVisible(false);
        use.addClickListener(click -> onUse.accept(chosen));
    }

    @Override
    protected void start() {
        submit("range-tests", experiment.spec(), Map.of()).ifPresent(jobs -> follow(jobs.get(0).id()));
    }

    private void follow(String id) {
        if (watch != null) {
            watch.stop();
        }
        jobId = id;
        chart.setVisible(true);
        chart.clear();
        chart.addSeries("loss");
        chart.addSeries("smoothed");
        chart.mark(List.of(), 0, 0);
        stop.setText("");
        suggestions.removeAll();
        use.setVisible(false);
        watch = JobWatch.start(this, backend, owner, id, new JobWatch.Listener() {
            @Override
            public void step(JsonNode event) {
                double lr = event.path("lr").asDouble();
                chart.append(0, lr, number(event.path("loss")));
                chart.append(1, lr, number(event.path("smoothed")));
            }

            @Override
            public void result(JsonNode event) {
                show(RangeTestReading.of(event));
            }

            @Override
            public void ended(String state, String reason) {
                status.setText("The range test " + state.toLowerCase(java.util.Locale.ROOT)
                        + (reason.isBlank() ? "." : ": " + reason));
                if (suggestions.getChildren().findAny().isEmpty() && state.equals("SUCCEEDED")) {
                    fetchResult();
                }
            }
        });
    }

    private void fetchResult() {
        String id = jobId;
        getUI().ifPresent(ui -> Background.call(ui, () -> backend.result(owner, id),
                answer -> show(RangeTestReading.of(answer)), failure -> problem.show(failure, Map.of())));
    }

    private void show(RangeTestReading reading) {
        stop.setText(reading.stop());
        suggestions.removeAll();
        reading.suggestions().forEach(s -> suggestions.add(new ListItem(s.words())));
        List<LineChart.Line> lines = reading.suggestions().stream().filter(RangeTestReading.Suggestion::found)
                .map(s -> new LineChart.Line(s.lr(), s.method().replace('_', ' '))).toList();
        chart.mark(lines, reading.low(), reading.high());
        if (reading.hasRange()) {
            suggestions.add(new ListItem("recommended range (shaded): " + VariantList.number(reading.low()) + " to "
                    + VariantList.number(reading.high())));
        }
        if (reading.cosineMax() > 0) {
            suggestions.add(new ListItem("start of a cosine schedule: " + VariantList.number(reading.cosineMax())));
        }
        reading.recommended().ifPresent(s -> {
            chosen = s.lr();
            use.setText("Use this LR (" + VariantList.number(s.lr()) + ") below");
            use.setVisible(true);
        });
    }

    private static Double number(JsonNode value) {
        return value.isNumber() ? value.asDouble() : null;
    }
}
