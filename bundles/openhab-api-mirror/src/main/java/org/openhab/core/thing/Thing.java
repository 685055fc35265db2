package org.openhab.core.thing;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import java.util.Map;

import org.openhab.core.common.registry.Identifiable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.binding.ThingHandler;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.Thing} (members the binding uses). */
@NonNullByDefault
public interface Thing extends Identifiable<ThingUID> {
    String PROPERTY_VENDOR = "vendor";
    String PROPERTY_MODEL_ID = "modelId";
    String PROPERTY_SERIAL_NUMBER = "serialNumber";
    String PROPERTY_HARDWARE_VERSION = "hardwareVersion";
    String PROPERTY_FIRMWARE_VERSION = "firmwareVersion";
    String PROPERTY_MAC_ADDRESS = "macAddress";

    @Nullable
    String getLabel();

    void setLabel(@Nullable String label);

    ThingStatus getStatus();

    ThingStatusInfo getStatusInfo();

    void setStatusInfo(ThingStatusInfo status);

    void setHandler(@Nullable ThingHandler thingHandler);

    @Nullable
    ThingHandler getHandler();

    Configuration getConfiguration();

    @Override
    ThingUID getUID();

    ThingTypeUID getThingTypeUID();

    Map<String, String> getProperties();

    @Nullable
    String setProperty(String name, @Nullable String value);

    void setProperties(Map<String, String> properties);

    boolean isEnabled();
}
