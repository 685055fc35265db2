package org.beholder.standalone.internal.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.standalone.internal.auth.PasswordHash;
import org.beholder.standalone.internal.auth.StandaloneGuard;
import org.beholder.standalone.internal.config.StandaloneConfig;
import org.beholder.web.AdministrationException;
import org.beholder.web.UserAdministration;

/**
 * The standalone's users as the page manages them: those of beholder.yml (read-only here) and those made in the
 * page, saved with PBKDF2 hashes in {@link SettingsFile} and handed to the {@link StandaloneGuard} at once. A user
 * name exists once: the file's wins. The last administrator cannot be deleted, so the page is never locked.
 */
public final class StandaloneUsers implements UserAdministration {
    /** Letters, digits and {@code . _ @ -}: safe in logs, cookies and the page. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 1024;

    private final SavedSettings saved;
    private final StandaloneGuard guard;
    private final Map<String, Boolean> fileUsers = new LinkedHashMap<>(); // name -> admin
    private final boolean fileHasTokens;

    public StandaloneUsers(SavedSettings saved, StandaloneGuard guard, StandaloneConfig config) {
        this.saved = saved;
        this.guard = guard;
        config.users().forEach(u -> fileUsers.put(u.name(), u.admin()));
        this.fileHasTokens = !config.tokens().isEmpty();
        for (SettingsFile.SavedUser user : saved.current().users()) {
            if (!fileUsers.containsKey(user.name())) {
                guard.putUser(user.name(), user.passwordHash(), user.admin());
            }
        }
    }

    @Override
    public synchronized boolean setupNeeded() {
        return fileUsers.isEmpty() && saved.current().users().isEmpty() && !fileHasTokens;
    }

    @Override
    public synchronized void createFirstAdmin(String name, String password, HttpServletRequest request,
            HttpServletResponse response) throws AdministrationException {
        if (!setupNeeded()) {
            throw new AdministrationException(409, "set-up is done: an administrator exists; log in instead");
        }
        add(name, password, true);
        guard.startSession(name, request, response);
    }

    @Override
    public synchronized List<User> users() {
        List<User> users = new ArrayList<>();
        fileUsers.forEach((name, admin) -> users.add(new User(name, role(admin), "file", false)));
        for (SettingsFile.SavedUser user : saved.current().users()) {
            if (!fileUsers.containsKey(user.name())) {
                users.add(new User(user.name(), role(user.admin()), "page", true));
            }
        }
        return users;
    }

    @Override
    public synchronized void createUser(String name, String password, String role) throws AdministrationException {
        if (!role.equals(ADMIN) && !role.equals(VIEWER)) {
            throw AdministrationException.badRequest("role: must be 'admin' or 'viewer'");
        }
        add(name, password, role.equals(ADMIN));
    }

    private void add(String name, String password, boolean admin) throws AdministrationException {
        if (!NAME.matcher(name).matches()) {
            throw AdministrationException.badRequest(
                    "name: must be 1-64 letters, digits, '.', '_', '@' or '-'");
        }
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw AdministrationException.badRequest("password: must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters long");
        }
        if (exists(name)) {
            throw AdministrationException.badRequest("name: user '" + name + "' exists already");
        }
        String hash = PasswordHash.hash(password.toCharArray());
        List<SettingsFile.SavedUser> users = new ArrayList<>(saved.current().users());
        users.add(new SettingsFile.SavedUser(name, hash, admin));
        save(users);
        guard.putUser(name, hash, admin);
    }

    @Override
    public synchronized void deleteUser(String name) throws AdministrationException {
        if (fileUsers.containsKey(name)) {
            throw new AdministrationException(409, "user '" + name + "' is defined in beholder.yml; remove it there");
        }
        List<SettingsFile.SavedUser> users = new ArrayList<>(saved.current().users());
        SettingsFile.SavedUser user = users.stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new AdministrationException(404, "user not found"));
        users.remove(user);
        boolean adminLeft = fileUsers.containsValue(true) || users.stream().anyMatch(SettingsFile.SavedUser::admin);
        if (user.admin() && !adminLeft) {
            throw new AdministrationException(409, "'" + name + "' is the last administrator and cannot be deleted");
        }
        save(users);
        guard.removeUser(name);
    }

    private boolean exists(String name) {
        return fileUsers.containsKey(name) || saved.current().users().stream().anyMatch(u -> u.name().equals(name));
    }

    private void save(List<SettingsFile.SavedUser> users) throws AdministrationException {
        try {
            saved.update(current -> new SettingsFile.Settings(users, current.channels()));
        } catch (IOException e) {
            throw new AdministrationException(500, "cannot save the settings: " + e.getMessage());
        }
    }

    private static String role(boolean admin) {
        return admin ? ADMIN : VIEWER;
    }
}
