package org.openhab.core;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.OpenHAB} (members the binding uses). */
@NonNullByDefault
public class OpenHAB {
    public static final String USERDATA_DIR_PROG_ARGUMENT = "openhab.userdata";
    public static final String DEFAULT_USERDATA_FOLDER = "userdata";

    public OpenHAB() {
    }

    /** The user data folder: the {@code openhab.userdata} system property, else {@code userdata}. */
    public static String getUserDataFolder() {
        return System.getProperty(USERDATA_DIR_PROG_ARGUMENT, DEFAULT_USERDATA_FOLDER);
    }
}
