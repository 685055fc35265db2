package org.openhab.core.thing.binding;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.binding.BaseThingHandlerFactory} (members the binding uses). */
@NonNullByDefault
public abstract class BaseThingHandlerFactory implements ThingHandlerFactory {
    protected @NonNullByDefault({}) BundleContext bundleContext;

    public BaseThingHandlerFactory() {
    }

    protected void activate(ComponentContext componentContext) {
        this.bundleContext = componentContext.getBundleContext();
    }

    protected void deactivate(ComponentContext componentContext) {
        this.bundleContext = null;
    }

    protected BundleContext getBundleContext() {
        return bundleContext;
    }

    @Override
    public ThingHandler registerHandler(Thing thing) {
        ThingHandler handler = createHandler(thing);
        if (handler == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " could not create a handler for "
                    + thing.getUID());
        }
        return handler;
    }

    protected abstract @Nullable ThingHandler createHandler(Thing thing);

    @Override
    public void unregisterHandler(Thing thing) {
        ThingHandler handler = thing.getHandler();
        if (handler != null) {
            removeHandler(handler);
        }
    }

    protected void removeHandler(ThingHandler thingHandler) {
    }

    @Override
    public void removeThing(ThingUID thingUID) {
    }

    @Override
    public @Nullable Thing createThing(ThingTypeUID thingTypeUID, Configuration configuration,
            @Nullable ThingUID thingUID, @Nullable ThingUID bridgeUID) {
        return null;
    }
}
