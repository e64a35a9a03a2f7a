package org.lracademy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lracademy.spec.InvalidSpecException;
import org.lracademy.spec.Violation;

/** Bad specs are refused with every broken rule named by field, value and rule. */
class SpecValidationTest {

    private final TrainingEngine engine = new TrainingEngine(new Datasets(Path.of("target/test-data")));

    private static ObjectNode valid() {
        ObjectNode spec = Goldens.object();
        spec.putObject("dataset").put("name", "digits");
        spec.putObject("model").put("type", "mlp").putArray("hidden").add(32);
        spec.putObject("optimizer").put("name", "sgd").put("lr", 0.1);
        spec.put("epochs", 1).put("batch_size", 64);
        return spec;
    }

    private static List<Violation> violations(Runnable action) {
        return assertThrows(InvalidSpecException.class, action::run).violations();
    }

    private static String fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).sorted().collect(Collectors.joining(","));
    }

    @Test
    void aValidSpecPasses() {
        engine.validate(TrainingSpec.fromJson(valid()));
    }

    @Test
    void everyBrokenLimitIsReportedAtOnce() {
        ObjectNode spec = valid();
        ((ObjectNode) spec.get("optimizer")).put("lr", -1.0).put("momentum", 1.5);
        spec.put("batch_size", 0).put("steps", 10).put("validation_split", 0.95);
        List<Violation> violations = violations(() -> TrainingSpec.fromJson(spec));
        assertEquals("batch_size,epochs,optimizer.lr,optimizer.momentum,validation_split", fields(violations));
        Violation lr = violations.stream().filter(v -> v.field().equals("optimizer.lr")).findFirst().orElseThrow();
        assertEquals("-1.0", lr.value());
        assertEquals("must be greater than 0", lr.rule());
    }

    @Test
    void nonFiniteAndHugeNumbersAreRefused() {
        TrainingSpec nan = new TrainingSpec(TrainingSpec.DatasetSpec.named("digits"),
                new TrainingSpec.ModelSpec("linear", null, null, null, null, null), null,
                TrainingSpec.OptimizerSpec.sgd(Double.NaN, Double.POSITIVE_INFINITY), null, 1_000_000, null, 64, null,
                null, null, null);
        List<Violation> violations = violations(() -> engine.validate(nan));
        assertEquals("epochs,optimizer.lr,optimizer.momentum", fields(violations));
        Violation lr = violations.stream().filter(v -> v.field().equals("optimizer.lr")).findFirst().orElseThrow();
        assertEquals("NaN", lr.value());
        assertEquals("must be a finite number", lr.rule());
    }

    @Test
    void unknownFieldsAreNamed() {
        ObjectNode spec = valid();
        ((ObjectNode) spec.get("optimizer")).put("learning_rate", 0.1);
        List<Violation> violations = violations(() -> TrainingSpec.fromJson(spec));
        assertEquals("optimizer.learning_rate", violations.get(0).field());
    }

    @Test
    void aStateDictOfTheWrongShapeIsRefusedWithTheExpectedShape() {
        ObjectNode spec = valid();
        ObjectNode dict = ((ObjectNode) spec.get("model")).putObject("init").putObject("state_dict");
        dict.putArray("0.weight").addArray().add(1).add(2);
        dict.putArray("0.bias");
        dict.putArray("5.weight");
        List<Violation> violations = violations(() -> engine.validate(TrainingSpec.fromJson(spec)));
        assertEquals("model.init.state_dict.0.bias,model.init.state_dict.0.weight,model.init.state_dict.2.bias,"
                + "model.init.state_dict.2.weight,model.init.state_dict.5.weight", fields(violations));
        Violation weight = violations.stream().filter(v -> v.field().endsWith("0.weight")).findFirst().orElseThrow();
        assertTrue(weight.rule().startsWith("must have shape [32, 64]"), weight.rule());
    }

    @Test
    void orderIndicesMustFallInsideTheTrainingSplit() {
        ObjectNode spec = valid().put("validation_split", 0.0);
        spec.putArray("order").add(0).add(1797);
        List<Violation> violations = violations(() -> engine.validate(TrainingSpec.fromJson(spec)));
        assertEquals("batch_size,order[1]", fields(violations));
    }

    @Test
    void crossEntropyNeedsAClassificationSet() {
        ObjectNode spec = valid().put("loss", "cross_entropy");
        spec.putObject("dataset").put("name", "linear").put("size", 200);
        List<Violation> violations = violations(() -> engine.validate(TrainingSpec.fromJson(spec)));
        assertEquals("loss", fields(violations));
    }

    @Test
    void anUnknownDataSetIsNamed() {
        ObjectNode spec = valid();
        spec.putObject("dataset").put("name", "no-such-set");
        assertEquals("dataset.name", fields(violations(() -> engine.validate(TrainingSpec.fromJson(spec)))));
    }

    @Test
    void optimiserOptionsMustBelongToTheOptimiser() {
        ObjectNode spec = valid();
        ((ObjectNode) spec.get("optimizer")).put("name", "adam").put("momentum", 0.9).put("nesterov", true);
        assertEquals("optimizer.momentum,optimizer.nesterov", fields(violations(() -> TrainingSpec.fromJson(spec))));
    }
}
