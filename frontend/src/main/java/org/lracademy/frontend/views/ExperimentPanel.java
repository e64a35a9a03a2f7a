package org.lracademy.frontend.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lracademy.frontend.api.ApiProblem;
import org.lracademy.frontend.api.Backend;
import org.lracademy.frontend.api.BackendUnavailable;
import org.lracademy.frontend.api.SubmittedJobs;
import org.lracademy.frontend.api.Lesson.Experiment;

/** What every experiment of a lesson has: its title and description, a run button, a status and its problems. */
abstract class ExperimentPanel extends Section {

    protected final Backend backend;
    protected final String owner;
    protected final Experiment experiment;
    protected final ProblemText problem = new ProblemText();
    protected final Span status = new Span();
    protected final Button run;

    protected ExperimentPanel(Backend backend, String owner, Experiment experiment, String runLabel) {
        this.backend = backend;
        this.owner = owner;
        this.experiment = experiment;
        this.run = new Button(runLabel, click -> start());
        addClassName("academy-experiment");
        setId("experiment-" + experiment.id());
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        status.addClassName("academy-status");
        add(new H3(experiment.title()), new Paragraph(experiment.description()));
    }

    /** A board for this experiment's runs that says in the status line when all of them have ended. */
    protected RunBoard createBoard() {
        RunBoard board = new RunBoard(backend, owner);
        board.onAllEnded(() -> status.setText("Every run has ended; the lines below the charts say how each went."));
        return board;
    }

    /** Starts the experiment when the run button is pressed. */
    protected abstract void start();

    /** Submits a job; a refusal or an unreachable backend is shown here and answers empty. */
    protected Optional<List<SubmittedJobs.Job>> submit(String kind, JsonNode body, Map<String, ? extends
            com.vaadin.flow.component.HasValidation> fields) {
        problem.clear();
        try {
            List<SubmittedJobs.Job> ids = backend.submit(owner, kind, body);
            status.setText(ids.size() == 1 ? "Started; the curve arrives as it trains." : "Started " + ids.size()
                    + " runs; their curves arrive as they train.");
            return Optional.of(ids);
        } catch (ApiProblem | BackendUnavailable e) {
            problem.show(e, fields);
            status.setText("");
            return Optional.empty();
        }
    }
}
