package org.lracademy.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A Dockerfile as instructions: comments dropped, continued lines joined. The header comment is kept apart. */
record Dockerfile(Path file, String header, List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile parse(Path file) {
        StringBuilder header = new StringBuilder();
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Repo.read(file).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#")) {
                if (instructions.isEmpty() && current.length() == 0) {
                    header.append(trimmed.substring(1).trim()).append('\n');
                }
                continue;
            }
            if (trimmed.isEmpty() && current.length() == 0) {
                continue;
            }
            boolean continued = trimmed.endsWith("\\");
            current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continued) {
                String text = current.toString().trim();
                int space = text.indexOf(' ');
                instructions.add(new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT),
                        text.substring(space + 1).trim()));
                current.setLength(0);
            }
        }
        return new Dockerfile(file, header.toString(), instructions);
    }

    /** The instructions of the last stage: what the image runs. */
    List<Instruction> finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return instructions.subList(from, instructions.size());
    }

    List<String> all(String keyword) {
        return finalStage().stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    Optional<String> last(String keyword) {
        List<String> found = all(keyword);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** The value an ENV instruction of the final stage gives a variable (KEY=value form). */
    Optional<String> env(String name) {
        Optional<String> value = Optional.empty();
        for (String arguments : all("ENV")) {
            for (String assignment : arguments.split("\\s+")) {
                if (assignment.startsWith(name + "=")) {
                    value = Optional.of(assignment.substring(name.length() + 1).replace("\"", ""));
                }
            }
        }
        return value;
    }
}
