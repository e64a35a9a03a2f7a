package org.lracademy.frontend;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import org.lracademy.frontend.views.HomeView;
import org.lracademy.frontend.views.RunsView;
import org.lracademy.frontend.views.SchedulesView;

/** The frame of every page: the site's name, its sections, and the banner for a backend that is down. */
public class MainLayout extends Div implements RouterLayout {

    /** Fired on the UI by any view that could not reach the backend. */
    public static class BackendDown extends ComponentEvent<UI> {
        private final String address;

        public BackendDown(UI ui, String address) {
            super(ui, false);
            this.address = address;
        }
    }

    private final Div banner = new Div();
    private final Main content = new Main();

    public MainLayout() {
        addClassName("academy-page");
        add(createHeader(), createBanner(), content);
        content.addClassName("academy-content");
    }

    /** Shows the banner on the current page: the backend at {@code address} did not answer. */
    public static void backendDown(String address) {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new BackendDown(ui, address));
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        banner.setVisible(false);
        content.getElement().removeAllChildren();
        content.getElement().appendChild(view.getElement());
    }

    private Header createHeader() {
        RouterLink home = new RouterLink("Learning Rate Academy", HomeView.class);
        home.addClassName("academy-brand");
        Nav nav = new Nav(new RouterLink("Lessons", HomeView.class), new RouterLink("Schedules", SchedulesView.class),
                new RouterLink("My runs", RunsView.class));
        nav.addClassName("academy-nav");
        Header header = new Header(home, nav);
        header.addClassName("academy-header");
        return header;
    }

    private Div createBanner() {
        banner.addClassName("academy-banner");
        banner.setVisible(false);
        addAttachListener(attach -> {
            Registration listening = ComponentUtil.addListener(attach.getUI(), BackendDown.class, down -> {
                banner.removeAll();
                banner.add(new Span("The training service at " + down.address + " is not answering, so lessons "
                        + "and experiments cannot load. Start the backend (./run.sh starts both) and reload."));
                banner.setVisible(true);
            });
            addDetachListener(detach -> {
                listening.remove();
                detach.unregisterListener();
            });
        });
        return banner;
    }
}
