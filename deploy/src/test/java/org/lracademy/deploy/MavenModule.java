package org.lracademy.deploy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The coordinates a module's pom.xml gives its artifact: what the image built from it is named after. */
record MavenModule(Path directory, String artifactId, String version) {

    /** Images are named lracademy/ARTIFACT_ID and tagged with the project version. */
    static final String IMAGE_PREFIX = "lracademy/";

    static Optional<MavenModule> read(Path directory) {
        Path pom = directory.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(pom.toFile());
            Element project = document.getDocumentElement();
            String version = child(project, "version")
                    .or(() -> element(project, "parent").flatMap(parent -> child(parent, "version")))
                    .orElseThrow(() -> new IllegalStateException(pom + " names no version"));
            String artifactId = child(project, "artifactId")
                    .orElseThrow(() -> new IllegalStateException(pom + " names no artifactId"));
            return Optional.of(new MavenModule(directory, artifactId, version));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + pom, e);
        }
    }

    String image() {
        return IMAGE_PREFIX + artifactId;
    }

    private static Optional<String> child(Element parent, String name) {
        return element(parent, name).map(element -> element.getTextContent().trim());
    }

    private static Optional<Element> element(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }
}
