package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radnorm.raster.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

/**
 * scripts/airflow/radnorm_dag.py: it compiles, imports without Airflow, and the command lines its
 * DAGs run (built against an Airflow stand-in, rendered for a fixed date) parse with radnorm's own
 * parser and carry the date's input and output. Needs {@code /usr/bin/python3}: skipped without it
 * on a developer machine, a failure under CI (like GDAL).
 */
class AirflowDagTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String DATE = "2024-06-01";
    private static final String BUCKET = "s3a://test-bucket";

    @TempDir
    Path dir;

    @BeforeAll
    static void python() {
        boolean present = Files.isExecutable(PYTHON);
        if (!present && System.getenv("CI") != null) {
            fail("python3 is required under CI to check the Airflow DAG: apt-get install python3");
        }
        Assumptions.assumeTrue(present, "/usr/bin/python3 is not installed");
    }

    private static Path dag() {
        return TestData.repoRoot().resolve("scripts/airflow/radnorm_dag.py");
    }

    private static String python(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ in the repository
        pb.environment().put("RADNORM_BUCKET", BUCKET);
        pb.environment().remove("PYTHONPATH"); // the stand-in, not a real Airflow, when one is installed
        Process p = pb.start();
        byte[] err = p.getErrorStream().readAllBytes();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 timed out");
        assertEquals(0, p.exitValue(), () -> cmd + " failed:\n" + new String(err, StandardCharsets.UTF_8) + out);
        return out;
    }

    @Test
    void dagCompiles() throws Exception {
        python("-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)",
                dag().toString(), dir.resolve("radnorm_dag.pyc").toString());
    }

    @Test
    void withoutAirflowTheCommandLinesStillBuild() throws Exception {
        // Run as a script (no Airflow on this machine's python, or not imported): JSON per stage.
        JsonNode stages = new ObjectMapper().readTree(python(dag().toString(), DATE));
        assertEquals(List.of("measure", "apply", "seams"), names(stages));
        stages.fields().forEachRemaining(e -> check(e.getKey(), strings(e.getValue().get("args"))));
    }

    @Test
    void theDagsRunOneTaskPerStageWithCommandLinesRadnormAccepts() throws Exception {
        Path stub = Path.of(AirflowDagTest.class.getResource("/airflow-stub/render_dags.py").toURI());
        JsonNode dags = new ObjectMapper().readTree(python(stub.toString(), dag().toString(), DATE));
        assertEquals(List.of("radnorm_daily", "radnorm_daily_bash"), names(dags));
        for (JsonNode d : dags) {
            assertEquals("@daily", d.get("schedule").asText());
            JsonNode tasks = d.get("tasks");
            assertEquals(List.of("measure", "apply", "seams"), names(tasks));
            assertEquals("apply", tasks.get("measure").get("downstream").get(0).asText());
            assertEquals("seams", tasks.get("apply").get("downstream").get(0).asText());
            tasks.fields().forEachRemaining(t -> check(t.getKey(), strings(t.getValue().get("args"))));
        }
        JsonNode submit = dags.get("radnorm_daily").get("tasks").get("apply");
        assertEquals("io.radnorm.cli.RadnormCli", submit.get("submit").get(1).asText());
        assertEquals("io.radnorm.spark.RadnormKryoRegistrator", submit.get("conf").get("spark.kryo.registrator").asText());
        JsonNode bash = dags.get("radnorm_daily_bash").get("tasks").get("apply");
        assertTrue(bash.get("submit").get(0).asText().endsWith("scripts/radnorm-submit"), bash.toString());
        assertTrue(strings(bash.get("submit")).contains("spark.speculation=false"), bash.toString());
    }

    /** Parses one stage's radnorm arguments with the CLI's own parser and checks its paths. */
    private static void check(String stage, List<String> args) {
        ParseResult r = RadnormCli.parse(args.toArray(String[]::new));
        String scenes = BUCKET + "/scenes/" + DATE + "/*.tif";
        String adjustments = BUCKET + "/radnorm/" + DATE + "/adjustments.json";
        String output = BUCKET + "/normalized/" + DATE + "/";
        switch (stage) {
            case "measure" -> {
                assertEquals("global", r.commandSpec().name());
                assertEquals(scenes, value(r, "--input"));
                assertEquals(adjustments, value(r, "--save-adjustments"));
                assertEquals(null, value(r, "--output")); // measure and solve only
            }
            case "apply" -> {
                assertEquals("global", r.commandSpec().name());
                assertEquals(scenes, value(r, "--input"));
                assertEquals(adjustments, value(r, "--load-adjustments"));
                assertEquals(output, value(r, "--output"));
            }
            case "seams" -> {
                assertEquals("compare", r.commandSpec().name());
                assertEquals(scenes, value(r, "--before"));
                assertEquals(output + "*_Global.tif", value(r, "--after"));
                assertEquals(BUCKET + "/radnorm/" + DATE + "/seams.json", value(r, "--json"));
            }
            default -> fail("unexpected stage " + stage);
        }
    }

    private static String value(ParseResult r, String option) {
        return r.commandSpec().findOption(option).getValue();
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
