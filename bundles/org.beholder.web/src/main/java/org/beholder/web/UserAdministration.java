package org.beholder.web;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The host's user list, for hosts whose users Beholder's page manages (the standalone). openHAB manages its own
 * users and provides none: there the setup and user endpoints answer {@code needed: false} and 404.
 * Passwords are passed in and never come back; the host stores only hashes.
 */
public interface UserAdministration {
    /** The role names of the API: {@code admin} may change settings and users, {@code viewer} may watch. */
    String ADMIN = "admin";
    String VIEWER = "viewer";

    /**
     * One user as the API shows it.
     *
     * @param source {@code page} for users made here, {@code file} for those of the host's config file
     * @param editable whether the page may delete the user
     */
    record User(String name, String role, String source, boolean editable) {
    }

    /** True while no user exists: the page then offers to create the first administrator. */
    boolean setupNeeded();

    /**
     * Creates the first administrator and signs the request's client in as that user (a session cookie on the
     * response); refused with 409 once any user exists.
     */
    void createFirstAdmin(String name, String password, HttpServletRequest request, HttpServletResponse response)
            throws AdministrationException;

    List<User> users();

    /** @throws AdministrationException 400 for a bad or taken name, a too short password or an unknown role */
    void createUser(String name, String password, String role) throws AdministrationException;

    /**
     * Deletes a user and ends their sessions.
     *
     * @throws AdministrationException 404 unknown, 409 for the last administrator or a user of the config file
     */
    void deleteUser(String name) throws AdministrationException;
}
