package org.beholder.onvif;

import java.util.Objects;

/** A device user. {@link #toString()} never shows the password, so a logged record cannot leak it. */
public record Credentials(String username, String password) {
    public static final Credentials NONE = new Credentials("", "");

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public boolean isEmpty() {
        return username.isEmpty();
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
