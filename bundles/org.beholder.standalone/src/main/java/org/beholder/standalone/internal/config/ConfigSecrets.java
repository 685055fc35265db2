package org.beholder.standalone.internal.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beholder.engine.Redaction;

/**
 * Keeps camera credentials out of config error messages. Besides {@link Redaction} (URL user-info and secret
 * query parameters) it masks every value written after a {@code password:} key and every password written into a
 * URL's user-info. They are found in the raw text, so they are masked even when the file is not valid YAML.
 */
final class ConfigSecrets {
    private static final Pattern PASSWORD_VALUE = Pattern.compile(
            "(?im)(?:^|[\\s{,-])[\"']?password[\"']?\\s*:[ \\t]+(.*?)(?:[ \\t]+#.*)?[ \\t]*$");
    private static final Pattern USER_INFO = Pattern.compile("://([^/\\s@]+)@");
    /** Masking shorter strings would mangle ordinary words of the message. */
    private static final int MIN_LENGTH = 3;

    private final List<String> secrets;

    private ConfigSecrets(List<String> secrets) {
        this.secrets = secrets;
    }

    static ConfigSecrets in(String text) {
        List<String> found = new ArrayList<>();
        Matcher password = PASSWORD_VALUE.matcher(text);
        while (password.find()) {
            String value = password.group(1);
            found.add(value);
            found.add(value.replaceAll("^[\"'{\\[]+|[\"'}\\],]+$", ""));
        }
        Matcher userInfo = USER_INFO.matcher(text);
        while (userInfo.find()) {
            String info = userInfo.group(1);
            found.add(info);
            found.add(info.substring(info.indexOf(':') + 1));
        }
        // Longest first, so a password that contains another is masked whole.
        return new ConfigSecrets(found.stream().filter(s -> s.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    /** Adds a password as the YAML parser read it (escapes and quotes resolved). */
    ConfigSecrets with(String password) {
        if (password == null || password.length() < MIN_LENGTH || secrets.contains(password)) {
            return this;
        }
        List<String> more = new ArrayList<>(secrets);
        more.add(password);
        more.sort(Comparator.comparingInt(String::length).reversed());
        return new ConfigSecrets(more);
    }

    /**
     * The message with the secrets masked, on one line of at most {@link Values#MAX_MESSAGE} characters. The known secrets go
     * first and the message is shortened before {@link Redaction} runs: its patterns take time that grows with the
     * square of a long run of letters, and a message may quote a long value from the file.
     */
    String mask(String message) {
        String masked = message;
        for (String secret : secrets) {
            masked = masked.replace(secret, Redaction.MASK);
        }
        return Redaction.redact(Values.oneLine(masked));
    }
}
