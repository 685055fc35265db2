package org.beholder.onvif.internal.soap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.beholder.onvif.internal.xml.Xml;

/** WS-Security UsernameToken with PasswordDigest = Base64(SHA-1(nonce + created + password)). */
public final class UsernameToken {
    static final String PASSWORD_DIGEST = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    private static final String BASE64_BINARY = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final SecureRandom RANDOM = new SecureRandom();

    private UsernameToken() {
    }

    /** The digest as the spec defines it; public so tests can recompute what a device would. */
    public static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /** The Security header for a request made at {@code deviceNow} (the device's clock). */
    static String header(String username, String password, Instant deviceNow) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String created = deviceNow.truncatedTo(ChronoUnit.MILLIS).toString();
        return "<wsse:Security s:mustUnderstand=\"1\" xmlns:wsse=\"" + WSSE + "\" xmlns:wsu=\"" + WSU + "\">"
                + "<wsse:UsernameToken><wsse:Username>" + Xml.escape(username) + "</wsse:Username>"
                + "<wsse:Password Type=\"" + PASSWORD_DIGEST + "\">" + digest(nonce, created, password)
                + "</wsse:Password><wsse:Nonce EncodingType=\"" + BASE64_BINARY + "\">"
                + Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce><wsu:Created>" + created
                + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }
}
