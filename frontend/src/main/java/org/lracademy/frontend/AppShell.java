package org.lracademy.frontend;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.theme.Theme;

/** Page-wide settings: server push for live curves, and a viewport that fits phones. */
@Push
@Viewport("width=device-width, initial-scale=1")
@Theme("academy")
public class AppShell implements AppShellConfigurator {
}
