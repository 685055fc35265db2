package org.beholder.onvif.internal.events;

import java.io.StringWriter;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A subscription reference's ReferenceParameters, echoed as SOAP headers on every call to that subscription
 * (WS-Addressing requires it; Axis and others tell subscriptions apart only by them). Namespace declarations
 * from ancestors are copied onto each element so the echo stands on its own.
 */
final class ReferenceParameters {
    private static final int MAX_CHARS = 4096;

    private ReferenceParameters() {
    }

    static String headers(Element subscriptionReference) {
        Optional<Element> parameters = Xml.child(subscriptionReference, "ReferenceParameters");
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder headers = new StringBuilder();
        for (Element parameter : Xml.children(parameters.get())) {
            Element copy = (Element) parameter.cloneNode(true);
            for (Node n = parameter.getParentNode(); n instanceof Element ancestor; n = ancestor.getParentNode()) {
                NamedNodeMap attributes = ancestor.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    if (attribute.getName().startsWith("xmlns") && !copy.hasAttribute(attribute.getName())) {
                        copy.setAttribute(attribute.getName(), attribute.getValue());
                    }
                }
            }
            headers.append(serialize(copy));
        }
        return headers.length() > MAX_CHARS ? "" : headers.toString();
    }

    private static String serialize(Element element) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            return "";
        }
    }
}
