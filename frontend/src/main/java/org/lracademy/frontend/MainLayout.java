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
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import org.lracademy.frontend.views.HomeView;
import org.lracademy.frontend.views.RunsView;
import org.lracademy.frontend.views.SchedulesView;

/** The frame of every page: the site's name, its sections, and the banner for a backend that is down. */
public class MainLayout extends Div implements RouterLayout, AfterNavigationObserver {

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

    /**
     * Shows the banner: the backend at {@code address} did not answer. A view that finds this out while it is
     * being built gets the banner once the navigation is done.
     */
    public static void backendDown(String address) {
        UI ui = UI.getCurrent();
        ComponentUtil.setData(ui, BackendDown.class, new BackendDown(ui, address));
        ComponentUtil.fireEvent(ui, new BackendDown(ui, address));
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        UI ui = UI.getCurrent();
        BackendDown down = ComponentUtil.getData(ui, BackendDown.class);
        ComponentUtil.setData(ui, BackendDown.class, null);
        showBanner(down);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
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
            Registration listening = ComponentUtil.addListener(attach.getUI(), BackendDown.class, this::showBanner);
            addDetachListener(detach -> {
                listening.remove();
                detach.unregisterListener();
            });
        });
        return banner;
    }

    private void showBanner(BackendDown down) {
        banner.setVisible(down != null);
        banner.removeAll();
        if (down != null) {
            banner.add(new Span("The training service at " + down.address + " is not answering, so lessons and "
                    + "experiments cannot load. Start the backend (./run.sh starts both) and reload this page."));
        }
    }
}
