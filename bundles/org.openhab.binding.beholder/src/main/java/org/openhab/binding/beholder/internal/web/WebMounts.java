package org.openhab.binding.beholder.internal.web;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.servlet.Servlet;

import org.beholder.web.BeholderWeb;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers the Beholder page ({@code /beholder/*}), its REST API ({@code /beholder/api/*}) and the page's live
 * stream ({@code /beholder/live}) with the OSGi HTTP Whiteboard, which openHAB's pax-web serves. The default
 * whiteboard context authenticates nobody: every servlet asks the {@code OpenHabAccessGuard} itself.
 */
public final class WebMounts implements AutoCloseable {
    static final String PATTERN = "osgi.http.whiteboard.servlet.pattern";
    static final String NAME = "osgi.http.whiteboard.servlet.name";
    static final String ASYNC = "osgi.http.whiteboard.servlet.asyncSupported";

    private final List<ServiceRegistration<Servlet>> registrations = new ArrayList<>();

    public WebMounts(BundleContext context, BeholderWeb web) {
        register(context, "beholder-page", "/beholder/*", web.pageServlet());
        register(context, "beholder-api", "/beholder/api/*", web.apiServlet()); // async: server-sent events
        register(context, "beholder-live", "/beholder/live", web.liveStreamServlet());
    }

    private void register(BundleContext context, String name, String pattern, Servlet servlet) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(NAME, name);
        properties.put(PATTERN, pattern);
        properties.put(ASYNC, Boolean.TRUE);
        registrations.add(context.registerService(Servlet.class, servlet, properties));
    }

    @Override
    public void close() {
        for (ServiceRegistration<Servlet> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework has unregistered it
            }
        }
        registrations.clear();
    }
}
