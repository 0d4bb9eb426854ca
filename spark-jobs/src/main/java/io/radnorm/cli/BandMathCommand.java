package io.radnorm.cli;

import io.radnorm.algorithms.bandmath.PercentileTerm;
import io.radnorm.raster.DataType;
import io.radnorm.raster.RasterInfo;
import io.radnorm.spark.SparkSessions;
import io.radnorm.spark.bandmath.BandMath;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radnorm band-math}: per-pixel expressions of each input's bands, one output COG per input. */
@Command(name = "band-math", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Evaluates expressions of each input's bands pixel by pixel and writes one Cloud-Optimized "
                + "GeoTIFF per input, one band per --expression.",
            "Expressions: bands b1, b2, ...; numbers, nan, inf; + - * / %% (remainder); < <= > >= == !=; "
                + "& | ~ (and, or, not); min(a, b, ...), max(a, b, ...), where(cond, a, b); P%%bN is the P-th percentile of band N "
                + "of the image (numpy's default, over valid pixels).",
            "A pixel is nodata in an output band when a band its expression reads is nodata, or the result is NaN."})
final class BandMathCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    Io files;

    @Option(names = {"-e", "--expression"}, required = true, paramLabel = "EXPR",
            description = "Expression of one output band; repeat for several bands, e.g. -e 'b4 - b3' -e 'b4 / b3'.")
    List<String> expressions;

    @Option(names = "--output-dtype", paramLabel = "TYPE", defaultValue = "float32",
            description = "Output data type: uint8, int8, uint16, int16, uint32, int32, float32, float64. Integers "
                    + "are rounded to nearest and clipped to the range.")
    String outputDtype;

    @Option(names = "--nodata", paramLabel = "VALUE",
            description = "Output nodata (default: nan for float types; for integers gdal_calc.py's: uint8 255, "
                    + "uint16 65535, int16 -32768, uint32 4294967293, int32 -2147483647, int8 -128).")
    String nodata;

    @Mixin
    CogEncodingOptions cog;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        BandMath.Builder b;
        try {
            b = BandMath.builder().expressions(expressions).outputType(DataType.parse(outputDtype))
                    .outputNodata(GlobalOptions.nodata(nodata));
        } catch (IllegalArgumentException e) {
            return usageError(spec, e);
        }
        return run(spec, files, b, cog, "radnorm band-math");
    }

    /** Options every band-math command shares: inputs, output, the inputs' nodata. */
    static final class Io {
        @Option(names = {"-i", "--input"}, required = true, paramLabel = "INPUTS",
                description = "Folder, glob, comma list or @list.txt of GeoTIFFs (local, s3a://, hdfs://).")
        String input;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
                description = "Output folder, or a template where $ is the input name (in a folder: the command's "
                        + "default file name).")
        String output;

        @Option(names = "--input-nodata", paramLabel = "VALUE",
                description = "Nodata of every input (overrides the files' own GDAL_NODATA; 'nan' allowed).")
        String inputNodata;
    }

    /** Bad usage found after picocli's parse (an expression, a type): one line, exit 2. */
    static int usageError(CommandLine.Model.CommandSpec spec, Exception e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("radnorm " + spec.name() + ": error: " + e.getMessage());
        err.flush();
        return RadnormCli.EXIT_USAGE;
    }

    /** Builds (bad expressions and settings exit 2), runs, and prints what was written. */
    static int run(CommandLine.Model.CommandSpec spec, Io files, BandMath.Builder b, CogEncodingOptions cog,
                   String appName) throws Exception {
        BandMath job;
        try {
            job = b.input(files.input).output(files.output).inputNodata(GlobalOptions.nodata(files.inputNodata))
                    .cogOptions(cog.cogOptions()).build();
        } catch (IllegalArgumentException e) {
            return usageError(spec, e);
        }
        List<BandMath.Output> outputs = job.run(SparkSessions.getOrCreate(appName));
        PrintWriter out = spec.commandLine().getOut();
        for (BandMath.Output o : outputs) {
            if (!o.percentiles().isEmpty()) {
                out.println(name(o.input()) + ": " + describe(o.percentiles()));
            }
            out.println("wrote " + o.output());
        }
        out.flush();
        return RadnormCli.EXIT_OK;
    }

    private static String name(String location) {
        return RasterInfo.baseName(location);
    }

    private static String describe(Map<PercentileTerm, Double> values) {
        return values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
    }
}
