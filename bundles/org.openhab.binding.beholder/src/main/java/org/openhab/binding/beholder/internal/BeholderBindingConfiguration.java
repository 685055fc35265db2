package org.openhab.binding.beholder.internal;

/**
 * The add-on's own settings ({@code OH-INF/config/config.xml}, URI {@code binding:beholder}), which openHAB stores
 * under the configuration PID {@code binding.beholder} and hands to {@link BeholderHandlerFactory}.
 */
public class BeholderBindingConfiguration {
    /** Whether openHAB's anonymous (implicit user role) requests may watch; off, only signed-in users may. */
    public boolean allowAnonymousViewing = false;
}
