package org.lracademy.frontend.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.shared.Registration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.lracademy.frontend.Learner;
import org.lracademy.frontend.MainLayout;
import org.lracademy.frontend.api.ApiProblem;
import org.lracademy.frontend.api.Backend;
import org.lracademy.frontend.api.BackendUnavailable;
import org.lracademy.frontend.present.JobSummary;

/** The learner's jobs: state, place in the queue and progress; open one or overlay several, export them. */
@Route(value = "runs", layout = MainLayout.class)
@PageTitle("My runs | Learning Rate Academy")
public class RunsView extends Div {

    private static final int REFRESH_MILLIS = 3000;

    private final Backend backend;
    private final String owner = Learner.owner();
    private final Grid<JobSummary> grid = new Grid<>();
    private final ProblemText problem = new ProblemText();
    private final RunBoard board;
    private final Button show = new Button("Show curves (selected, or all)");
    private final Button png = new Button("Save loss chart as PNG");
    private final Button cancel = new Button("Cancel selected");
    private Registration polling;
    private List<JobSummary> shown = List.of();

    public RunsView(Backend backend) {
        this.backend = backend;
        this.board = new RunBoard(backend, owner);
        addClassName("academy-runs");
        configureGrid();
        configureActions();
        add(new H1("My runs"), new Paragraph("Every experiment you started in this browser. Select one run to see "
                + "its curves, or several to overlay them."), problem, grid, createActions(), board);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        refresh();
        attach.getUI().setPollInterval(REFRESH_MILLIS);
        polling = attach.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        polling.remove();
        detach.getUI().setPollInterval(-1);
    }

    private void configureGrid() {
        grid.setId("runs");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(JobSummary::kind).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(JobSummary::submittedAt).setHeader("Submitted (UTC)").setAutoWidth(true);
        grid.addColumn(JobSummary::stateWords).setHeader("State").setFlexGrow(2);
        grid.addComponentColumn(job -> new ProgressBar(0, 1, job.progress())).setHeader("Progress");
        grid.addComponentColumn(this::csvLink).setHeader("Export").setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    private void configureActions() {
        show.addClickListener(click -> {
            List<JobSummary> chosen = grid.getSelectedItems().isEmpty() ? shown : List.copyOf(grid.getSelectedItems());
            board.follow(chosen.stream().map(JobSummary::id).toList(),
                    chosen.stream().map(j -> j.kind() + " " + shortId(j.id())).toList());
        });
        png.addClickListener(click -> board.lossChart().downloadPng("loss-curves.png"));
        cancel.addClickListener(click -> {
            grid.getSelectedItems().stream().filter(j -> !j.finished()).forEach(j -> call(() -> {
                backend.cancel(owner, j.id());
                return null;
            }));
            refresh();
        });
    }

    private FlexLayout createActions() {
        FlexLayout actions = new FlexLayout(show, png, cancel);
        actions.addClassName("academy-controls");
        return actions;
    }

    private Anchor csvLink(JobSummary job) {
        String id = job.id();
        StreamResource csv = new StreamResource("job-" + id + "-metrics.csv", () -> new ByteArrayInputStream(
                backend.metricsCsv(owner, id).getBytes(StandardCharsets.UTF_8)));
        Anchor link = new Anchor(csv, "CSV");
        link.getElement().setAttribute("download", true);
        return link;
    }

    private void refresh() {
        call(() -> {
            List<JobSummary> jobs = JobSummary.list(backend.jobs(owner));
            var selected = grid.getSelectedItems().stream().map(JobSummary::id).toList();
            shown = jobs;
            grid.setItems(jobs);
            jobs.stream().filter(j -> selected.contains(j.id())).forEach(grid::select);
            return null;
        });
    }

    private void call(java.util.function.Supplier<Void> request) {
        try {
            request.get();
        } catch (BackendUnavailable e) {
            MainLayout.backendDown(backend.url());
        } catch (ApiProblem e) {
            problem.show(e, Map.of());
        }
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
