package org.lracademy.frontend.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import org.lracademy.frontend.Learner;
import org.lracademy.frontend.MainLayout;
import org.lracademy.frontend.api.Backend;
import org.lracademy.frontend.api.BackendUnavailable;
import org.lracademy.frontend.api.LessonSummary;

/** The course home: the four lessons, each with what it promises. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Learning Rate Academy")
public class HomeView extends Div {

    private final Backend backend;

    public HomeView(Backend backend) {
        this.backend = backend;
        addClassName("academy-home");
        add(createIntro(), createLessons());
    }

    private Div createIntro() {
        Paragraph lead = new Paragraph("Four short lessons on the one number that decides whether a network learns. "
                + "Each runs a real experiment on handwritten digits while you read, and draws the curves live.");
        lead.addClassName("academy-lead");
        return new Div(new H1("Learn the learning rate"), lead);
    }

    private Div createLessons() {
        Div cards = new Div();
        cards.addClassName("academy-cards");
        List<LessonSummary> lessons;
        try {
            lessons = backend.lessons(Learner.owner());
        } catch (BackendUnavailable e) {
            MainLayout.backendDown(backend.url());
            return cards;
        }
        int number = 1;
        for (LessonSummary lesson : lessons) {
            RouterLink link = new RouterLink(LessonView.class, new RouteParameters("slug", lesson.slug()));
            link.add(new Paragraph("Lesson " + number++), new H2(lesson.title()), new Paragraph(lesson.promise()));
            link.addClassName("academy-card");
            cards.add(link);
        }
        return cards;
    }
}
