package org.lracademy.frontend.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import org.lracademy.frontend.Learner;
import org.lracademy.frontend.MainLayout;
import org.lracademy.frontend.api.ApiProblem;
import org.lracademy.frontend.api.Backend;
import org.lracademy.frontend.api.BackendUnavailable;
import org.lracademy.frontend.api.Lesson;
import org.lracademy.frontend.api.Lesson.Experiment;
import org.lracademy.frontend.present.VariantList;

/** A lesson: its text, then its experiments, each ready to run. */
@Route(value = "lessons/:slug", layout = MainLayout.class)
public class LessonView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final Backend backend;
    private String title = "Lesson";

    public LessonView(Backend backend) {
        this.backend = backend;
        addClassName("academy-lesson");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        removeAll();
        try {
            Lesson lesson = backend.lesson(Learner.owner(), slug);
            title = lesson.title() + " | Learning Rate Academy";
            add(createText(lesson), createExperiments(lesson));
        } catch (ApiProblem e) {
            throw new NotFoundException("No lesson is called " + slug);
        } catch (BackendUnavailable e) {
            MainLayout.backendDown(backend.url());
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private Div createText(Lesson lesson) {
        Paragraph promise = new Paragraph(lesson.promise());
        promise.addClassName("academy-lead");
        Div text = new Div(new H1(lesson.title()), promise);
        for (Lesson.Section section : lesson.sections()) {
            text.add(new H2(section.heading()));
            section.paragraphs().forEach(p -> text.add(new Paragraph(p)));
        }
        text.addClassName("academy-text");
        return text;
    }

    /**
     * One panel per experiment. A range test hands its suggested rate to the cosine experiment of the same
     * lesson, when there is one.
     */
    private Div createExperiments(Lesson lesson) {
        Div experiments = new Div(new H2("Experiments"));
        String owner = Learner.owner();
        CosinePanel cosine = lesson.experiments().stream().filter(LessonView::isCosine).findFirst()
                .map(e -> new CosinePanel(backend, owner, e)).orElse(null);
        for (Experiment e : lesson.experiments()) {
            if (isCosine(e)) {
                experiments.add(cosine);
            } else if (e.kind().equals("range-test")) {
                experiments.add(new RangeTestPanel(backend, owner, e, lr -> {
                    if (cosine != null) {
                        cosine.useLr(lr);
                    }
                }));
            } else {
                String key = VariantList.keyOf(e.spec()).orElse("lrs");
                experiments.add(new ComparisonPanel(backend, owner, e, key));
            }
        }
        return experiments;
    }

    /** A run with a schedule and nothing to vary: the schedule against a constant rate. */
    private static boolean isCosine(Experiment e) {
        return e.spec().has("schedule") && VariantList.keyOf(e.spec()).isEmpty();
    }
}
