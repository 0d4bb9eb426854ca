package io.radnorm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs radnorm command lines in this JVM (on the tests' Spark session) and keeps what they printed. */
final class CliSession {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = RadnormCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return RadnormCli.execute(cl, args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
