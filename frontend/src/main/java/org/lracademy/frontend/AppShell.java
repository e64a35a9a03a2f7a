package org.lracademy.frontend;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;

/**
 * Page-wide settings: server push for live curves, and a viewport that fits phones. Push uses long polling: its
 * requests are served on worker threads like any other, whereas a push web socket is opened on the event loop,
 * where waiting for the session lock can stall the loop that the backend's REST client also needs.
 */
@Push(transport = Transport.LONG_POLLING)
@Viewport("width=device-width, initial-scale=1")
@Theme("academy")
public class AppShell implements AppShellConfigurator {
}
