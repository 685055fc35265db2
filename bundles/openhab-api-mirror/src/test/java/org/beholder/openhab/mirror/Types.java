package org.beholder.openhab.mirror;

import java.util.List;
import java.util.stream.Collectors;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/** Types as the listing {@code mirror-vs-real-5.2.1.txt} writes them: simple names, type-use annotations first. */
final class Types {
    private Types() {
    }

    static String render(TypeMirror type) {
        List<String> annotations = annotations(type);
        String plain = renderWithoutAnnotations(type);
        return annotations.isEmpty() ? plain : String.join(" ", annotations) + " " + plain;
    }

    static String renderWithoutAnnotations(TypeMirror type) {
        if (type instanceof DeclaredType declared) {
            String name = declared.asElement().getSimpleName().toString();
            return declared.getTypeArguments().isEmpty() ? name
                    : name + declared.getTypeArguments().stream().map(Types::render)
                            .collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof TypeVariable variable) {
            return variable.asElement().getSimpleName().toString();
        }
        if (type instanceof ArrayType array) {
            return render(array.getComponentType()) + "[]";
        }
        if (type instanceof WildcardType wildcard) {
            return wildcard.getExtendsBound() != null ? "? extends " + render(wildcard.getExtendsBound())
                    : wildcard.getSuperBound() != null ? "? super " + render(wildcard.getSuperBound()) : "?";
        }
        return type.toString(); // primitives and void
    }

    static List<String> annotations(TypeMirror type) {
        return type.getAnnotationMirrors().stream().map(Types::render).toList();
    }

    static String render(AnnotationMirror annotation) {
        String name = "@" + annotation.getAnnotationType().asElement().getSimpleName();
        return annotation.getElementValues().isEmpty() ? name
                : name + annotation.getElementValues().values().stream().map(Object::toString)
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
