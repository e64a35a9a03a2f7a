package org.lracademy.frontend.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lracademy.frontend.Learner;
import org.lracademy.frontend.MainLayout;
import org.lracademy.frontend.api.ApiProblem;
import org.lracademy.frontend.api.Backend;
import org.lracademy.frontend.api.BackendUnavailable;
import org.lracademy.frontend.chart.LineChart;
import org.lracademy.frontend.present.ScheduleCatalogue;
import org.lracademy.frontend.present.ScheduleCatalogue.Scheduler;

/** Any scheduler of the catalogue, its form built from the catalogue, its curve redrawn as the learner types. */
@Route(value = "schedules", layout = MainLayout.class)
@PageTitle("Schedules | Learning Rate Academy")
public class SchedulesView extends Div {

    private final Backend backend;
    private final String owner = Learner.owner();
    private final Select<Scheduler> scheduler = new Select<>();
    private final TextField baseLr = field("base_lr", "0.1", "The rate the schedule starts from");
    private final TextField steps = field("steps", "100", "How many steps to draw");
    private final Div params = new Div();
    private final Map<String, TextField> paramFields = new LinkedHashMap<>();
    private final Paragraph meaning = new Paragraph();
    private final ProblemText problem = new ProblemText();
    private final Paragraph notes = new Paragraph();
    private final LineChart chart = new LineChart(new LineChart.Axes("step", "learning rate", false, false));

    public SchedulesView(Backend backend) {
        this.backend = backend;
        addClassName("academy-schedules");
        notes.addClassName("academy-notes");
        add(new H1("Schedule explorer"), createIntro(), createForm(), problem, notes, chart);
        configureScheduler();
    }

    private Paragraph createIntro() {
        return new Paragraph("Pick a scheduler, set its parameters by PyTorch's names, and watch the rate it gives "
                + "each step. Leave a field empty to use its default.");
    }

    private Div createForm() {
        scheduler.setLabel("Scheduler");
        scheduler.setId("scheduler");
        scheduler.setItemLabelGenerator(Scheduler::name);
        Div common = new Div(scheduler, baseLr, steps);
        common.addClassName("academy-fields");
        params.addClassName("academy-fields");
        meaning.addClassName("academy-meaning");
        return new Div(common, meaning, params);
    }

    private void configureScheduler() {
        List<Scheduler> schedulers;
        try {
            schedulers = ScheduleCatalogue.of(backend.schedules(owner)).schedulers();
        } catch (BackendUnavailable e) {
            MainLayout.backendDown(backend.url());
            return;
        } catch (ApiProblem e) {
            problem.show(e, Map.of());
            return;
        }
        scheduler.setItems(schedulers);
        scheduler.addValueChangeListener(change -> showForm(change.getValue()));
        schedulers.stream().filter(s -> s.name().equals("CosineAnnealingLR")).findFirst()
                .or(() -> schedulers.stream().findFirst()).ifPresent(scheduler::setValue);
    }

    private void showForm(Scheduler chosen) {
        params.removeAll();
        paramFields.clear();
        meaning.setText(chosen.description());
        for (ScheduleCatalogue.Param p : chosen.params()) {
            String help = p.limits().isBlank() ? p.description() : p.description() + " (" + p.limits() + ")";
            TextField f = field(p.name(), p.initialText(), help);
            paramFields.put(p.name(), f);
            params.add(f);
        }
        redraw();
    }

    private TextField field(String name, String value, String help) {
        TextField f = new TextField(name, value, "");
        f.setId("field-" + name);
        f.setHelperText(help);
        f.setValueChangeMode(ValueChangeMode.LAZY);
        f.setValueChangeTimeout(250);
        f.addValueChangeListener(change -> redraw());
        return f;
    }

    private void redraw() {
        Scheduler chosen = scheduler.getValue();
        if (chosen == null) {
            return;
        }
        Map<String, TextField> fields = new LinkedHashMap<>(paramFields);
        fields.put("base_lr", baseLr);
        fields.put("steps", steps);
        Map<String, String> texts = new LinkedHashMap<>();
        paramFields.forEach((name, f) -> texts.put(name, f.getValue()));
        problem.clear();
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            JsonNode body = ScheduleCatalogue.previewBody(chosen, texts, baseLr.getValue(), steps.getValue());
            draw(backend.preview(owner, body));
        } catch (ScheduleCatalogue.FieldErrors e) {
            e.errors().forEach((name, message) -> {
                fields.get(name).setErrorMessage(message);
                fields.get(name).setInvalid(true);
            });
        } catch (ApiProblem | BackendUnavailable e) {
            problem.show(e, fields);
        }
    }

    private void draw(JsonNode preview) {
        List<String> said = new ArrayList<>();
        preview.path("notes").forEach(n -> said.add(n.asText()));
        notes.setText(String.join(" ", said));
        notes.setVisible(!said.isEmpty());
        chart.clear();
        JsonNode groups = preview.path("lr_groups");
        List<JsonNode> curves = new ArrayList<>();
        if (groups.isArray() && groups.size() > 1) {
            groups.forEach(curves::add);
        } else {
            curves.add(preview.path("lr"));
        }
        for (int g = 0; g < curves.size(); g++) {
            chart.addSeries(curves.size() == 1 ? "learning rate" : "group " + g);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            JsonNode values = curves.get(g);
            for (int i = 0; i < values.size(); i++) {
                xs.add((double) i);
                ys.add(values.get(i).isNumber() ? values.get(i).asDouble() : null);
            }
            chart.append(g, xs, ys);
        }
    }
}
