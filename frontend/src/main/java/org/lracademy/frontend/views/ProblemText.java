package org.lracademy.frontend.views;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lracademy.frontend.MainLayout;
import org.lracademy.frontend.api.ApiProblem;
import org.lracademy.frontend.api.BackendUnavailable;
import org.lracademy.frontend.api.Violation;

/**
 * Why the backend refused what the learner asked, in words: each violation beside the field it names, the others
 * in a list here.
 */
public class ProblemText extends Div {

    private final List<HasValidation> marked = new ArrayList<>();

    public ProblemText() {
        addClassName("academy-problem");
        getElement().setAttribute("role", "alert");
        setVisible(false);
    }

    /** Clears the previous message and every field it marked. */
    public void clear() {
        removeAll();
        setVisible(false);
        marked.forEach(f -> f.setInvalid(false));
        marked.clear();
    }

    public void show(String message) {
        clear();
        add(new Div(message));
        setVisible(true);
    }

    /**
     * Shows a failed call. Violations whose field starts with a key of {@code fields} (so {@code lrs[2]} goes to
     * {@code lrs}, {@code params.T_max} to {@code T_max}) are shown on that field.
     */
    public void show(RuntimeException failure, Map<String, ? extends HasValidation> fields) {
        clear();
        if (failure instanceof BackendUnavailable) {
            MainLayout.backendDown(failure.getMessage().replace("The backend at ", "").replace(" did not answer", ""));
            show("The training service did not answer; nothing was started.");
            return;
        }
        if (!(failure instanceof ApiProblem problem)) {
            throw failure;
        }
        add(new Div(problem.getMessage()));
        UnorderedList others = new UnorderedList();
        for (Violation v : problem.violations()) {
            String words = v.rule() + " (got " + v.value() + ")";
            HasValidation field = fieldFor(v.field(), fields);
            if (field != null) {
                field.setErrorMessage(words);
                field.setInvalid(true);
                marked.add(field);
            } else {
                others.add(new ListItem(v.field() + ": " + words));
            }
        }
        if (others.getChildren().findAny().isPresent()) {
            add(others);
        }
        setVisible(true);
    }

    private static HasValidation fieldFor(String path, Map<String, ? extends HasValidation> fields) {
        String bare = path.startsWith("params.") ? path.substring("params.".length()) : path;
        return fields.entrySet().stream()
                .filter(e -> bare.equals(e.getKey()) || bare.startsWith(e.getKey() + "[")
                        || bare.startsWith(e.getKey() + "."))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
