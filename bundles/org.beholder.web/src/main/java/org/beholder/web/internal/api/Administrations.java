package org.beholder.web.internal.api;

import org.beholder.web.CameraAdministration;
import org.beholder.web.UserAdministration;

/** What the host lets the page administer; either may be null (openHAB provides neither). */
public final class Administrations {
    private volatile CameraAdministration cameras;
    private volatile UserAdministration users;

    public void set(CameraAdministration newCameras, UserAdministration newUsers) {
        cameras = newCameras;
        users = newUsers;
    }

    public CameraAdministration cameras() {
        return cameras;
    }

    public UserAdministration users() {
        return users;
    }

    /** True while the host has no user at all: only the set-up endpoints and the page answer then. */
    public boolean setupNeeded() {
        UserAdministration current = users;
        return current != null && current.setupNeeded();
    }
}
