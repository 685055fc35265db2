package org.beholder.onvif.internal.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/** A SOAP fault, SOAP 1.2 (Code/Subcode/Reason) or SOAP 1.1 (faultcode/faultstring) alike. */
public record SoapFault(String code, List<String> subcodes, String reason) {

    /** The fault inside a Body, if the Body holds one. */
    public static Optional<SoapFault> from(Element body) {
        Optional<Element> fault = Xml.child(body, "Fault");
        if (fault.isEmpty()) {
            return Optional.empty();
        }
        Element f = fault.get();
        if (Xml.child(f, "Code").isPresent() || Xml.child(f, "Reason").isPresent()) {
            String code = Xml.textOr(f, "", "Code", "Value");
            List<String> subcodes = new ArrayList<>();
            Optional<Element> sub = Xml.child(f, "Code", "Subcode");
            while (sub.isPresent()) {
                Xml.text(sub.get(), "Value").ifPresent(subcodes::add);
                sub = Xml.child(sub.get(), "Subcode");
            }
            String reason = Xml.textOr(f, "", "Reason", "Text");
            return Optional.of(new SoapFault(code, List.copyOf(subcodes), reason));
        }
        String code = Xml.textOr(f, "", "faultcode");
        String reason = Xml.textOr(f, "", "faultstring");
        return Optional.of(new SoapFault(code, List.of(), reason));
    }

    /** True when any code names this local value, whatever its prefix (ter:NotAuthorized, env:Sender...). */
    public boolean names(String localValue) {
        if (stripPrefix(code).equalsIgnoreCase(localValue)) {
            return true;
        }
        return subcodes.stream().anyMatch(s -> stripPrefix(s).equalsIgnoreCase(localValue));
    }

    public String describe() {
        String codes = code + (subcodes.isEmpty() ? "" : " " + String.join(" / ", subcodes));
        return (reason.isEmpty() ? "(no reason given)" : reason) + " [" + codes.trim() + "]";
    }

    private static String stripPrefix(String qname) {
        int colon = qname.indexOf(':');
        return (colon < 0 ? qname : qname.substring(colon + 1)).trim();
    }
}
