package org.beholder.standalone.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * One browser-like client of the standalone server: keeps the session cookie it is given, sends the server's own
 * Origin on state-changing requests, and keeps every answer it got so a test can look through all of them.
 */
final class AdminHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final String base;
    final List<String> answers = new ArrayList<>();
    String cookie;

    AdminHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (!method.equals("GET") && !method.equals("HEAD")) {
            request.header("Origin", base);
        }
        if (body != null && !List.of(headers).contains("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        answers.add(method + " " + path + " -> " + answer.statusCode() + " " + answer.headers().map() + " "
                + answer.body());
        answer.headers().firstValue("Set-Cookie").ifPresent(set -> {
            String pair = set.substring(0, set.indexOf(';'));
            cookie = pair.endsWith("=") ? null : pair;
        });
        return answer;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json);
    }

    HttpResponse<String> login(String name, String password) throws Exception {
        return send("POST", "/beholder/login", "name=" + name + "&password=" + password, "Content-Type",
                "application/x-www-form-urlencoded");
    }

    static JsonElement json(HttpResponse<String> answer) {
        return JsonParser.parseString(answer.body());
    }

    static String error(HttpResponse<String> answer) {
        return json(answer).getAsJsonObject().get("error").getAsString();
    }
}
