package org.openhab.binding.beholder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The MainUI widgets in ui-widgets/: valid YAML with MainUI's widget shape (uid, props.parameters, component,
 * slots), only MainUI components, a required NVR Channel parameter, frames only on Beholder's embeddable pages.
 */
class UiWidgetsTest {
    private static final Path WIDGETS = Path.of("../../ui-widgets");
    private static final Set<String> MAINUI_COMPONENTS = Set.of("f7-card", "f7-card-content", "f7-card-footer",
            "f7-chip", "oh-webframe", "oh-link", "oh-button", "Label");

    @Test
    void thereAreTheThreeWidgets() throws IOException {
        assertEquals(Set.of("beholder_live_camera", "beholder_event_list", "beholder_motion_indicator"),
                Set.copyOf(widgets().stream().map(w -> (String) w.get("uid")).toList()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachWidgetHasMainUiShapeAndAskForItsChannel() throws IOException {
        for (Map<String, Object> widget : widgets()) {
            String uid = (String) widget.get("uid");
            Map<String, Object> props = (Map<String, Object>) widget.get("props");
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) props.get("parameters");
            Map<String, Object> channel = parameters.stream().filter(p -> "channel".equals(p.get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError(uid + " has no channel parameter"));
            assertEquals(Boolean.TRUE, channel.get("required"), uid);
            for (Map<String, Object> parameter : parameters) {
                assertTrue(Set.of("TEXT", "INTEGER").contains(parameter.get("type")), uid + " " + parameter);
                if (((String) parameter.get("name")).endsWith("Item")) {
                    assertEquals("item", parameter.get("context"), uid + " " + parameter.get("name"));
                }
            }
            List<Map<String, Object>> components = new ArrayList<>();
            collect(widget, components);
            for (Map<String, Object> component : components) {
                assertTrue(MAINUI_COMPONENTS.contains(component.get("component")), uid + ": " + component
                        .get("component"));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void framesShowOnlyBeholderEmbeddablePagesOfTheChosenChannel() throws IOException {
        int frames = 0;
        for (Map<String, Object> widget : widgets()) {
            List<Map<String, Object>> components = new ArrayList<>();
            collect(widget, components);
            for (Map<String, Object> component : components) {
                if ("oh-webframe".equals(component.get("component"))) {
                    String src = (String) ((Map<String, Object>) component.get("config")).get("src");
                    assertTrue(src.equals("=\"/beholder/embed?channel=\" + props.channel")
                            || src.equals("=\"/beholder/events?channel=\" + props.channel"), src);
                    frames++;
                }
            }
        }
        assertEquals(2, frames, "the live camera and the event list");
    }

    @Test
    void noCredentialsInWidgets() throws IOException {
        try (Stream<Path> files = Files.list(WIDGETS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(file);
                assertFalse(text.contains("rtsp://") || text.contains("accessToken") || text.contains("password"),
                        file.toString());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> node, List<Map<String, Object>> out) {
        if (node.containsKey("component")) {
            out.add(node);
        }
        Object slots = node.get("slots");
        if (slots instanceof Map<?, ?> named) {
            for (Object children : named.values()) {
                for (Object child : (List<Object>) children) {
                    collect((Map<String, Object>) child, out);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> widgets() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(WIDGETS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
                out.add((Map<String, Object>) yaml.load(Files.readString(file)));
            }
        }
        return out;
    }
}
