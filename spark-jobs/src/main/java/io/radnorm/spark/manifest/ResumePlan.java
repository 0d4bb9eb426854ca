package io.radnorm.spark.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * What {@code --resume} may reuse of a recorded run, decided on the driver from the manifest and
 * the inputs as they are now.
 *
 * <ul>
 *   <li><b>Refused</b> ({@link #checkCompatible}): another radnorm version or command, or any
 *       option that affects the outputs set differently — one line naming the option. Start over by
 *       running without {@code --resume}.</li>
 *   <li><b>The model</b> (statistics, global gains and offsets, block maps) depends on the
 *       statistics of <em>every</em> input: one input changed (size, modification time or ETag),
 *       added or removed, or an auxiliary input (mask, loaded adjustments or block maps) changed,
 *       and every input is measured again and the model solved again ({@link #modelInvalidations}
 *       names each reason). Otherwise the saved model is applied as saved: no statistics pass.</li>
 *   <li><b>An output</b> is kept when it is recorded, its input is the one it was made from, its
 *       image's correction is bit for bit the one it was made with ({@link ModelDigest}) and the
 *       file is still there with the recorded size, time and ETag; otherwise it is written again
 *       ({@link RunRecorder}).</li>
 * </ul>
 */
public record ResumePlan(List<String> modelInvalidations) {

    /**
     * @throws IllegalArgumentException naming the first difference, when the recorded run is not
     *     the one this command line would do
     */
    public static void checkCompatible(RunManifest recorded, String version, String command,
                                       SortedMap<String, String> options, String manifestUri) {
        String hint = "; run without --resume to start over";
        if (!Objects.equals(recorded.command(), command)) {
            throw new IllegalArgumentException(manifestUri + ": records a '" + recorded.command()
                    + "' run, not '" + command + "'" + hint);
        }
        if (!Objects.equals(recorded.radnormVersion(), version)) {
            throw new IllegalArgumentException(manifestUri + ": written by radnorm " + recorded.radnormVersion()
                    + ", this is " + version + hint);
        }
        Set<String> names = new TreeSet<>(recorded.options().keySet());
        names.addAll(options.keySet());
        for (String name : names) {
            String was = recorded.options().get(name), now = options.get(name);
            if (!Objects.equals(was, now)) {
                throw new IllegalArgumentException("--resume: option " + name + " differs from the run recorded in "
                        + manifestUri + " (" + shown(was) + " there, " + shown(now) + " now)" + hint);
            }
        }
    }

    private static String shown(String v) {
        return v == null ? "not given" : "'" + v + "'";
    }

    /** Compares the recorded inputs and model with {@code inputs} and {@code auxiliary} as they are now. */
    public static ResumePlan of(RunManifest recorded, List<FileFingerprint> inputs, List<FileFingerprint> auxiliary) {
        List<String> reasons = new ArrayList<>();
        if (recorded.model() == null) {
            reasons.add("the recorded run stopped before its model was saved");
        }
        compare(recorded.inputs(), inputs, "input", reasons);
        compare(recorded.auxiliaryInputs(), auxiliary, "auxiliary input", reasons);
        return new ResumePlan(List.copyOf(reasons));
    }

    private static void compare(List<FileFingerprint> was, List<FileFingerprint> now, String what,
                                List<String> reasons) {
        Map<String, FileFingerprint> recorded = new HashMap<>();
        was.forEach(f -> recorded.put(f.uri(), f));
        Set<String> seen = new HashSet<>();
        for (FileFingerprint f : now) {
            seen.add(f.uri());
            FileFingerprint r = recorded.get(f.uri());
            if (r == null) {
                reasons.add(what + " " + f.uri() + " is new since the recorded run");
            } else {
                String change = f.changeSince(r);
                if (change != null) {
                    reasons.add(what + " " + f.uri() + " changed since the recorded run (" + change + ")");
                }
            }
        }
        for (FileFingerprint r : was) {
            if (!seen.contains(r.uri())) {
                reasons.add(what + " " + r.uri() + " is no longer an input");
            }
        }
    }

    public boolean reuseModel() {
        return modelInvalidations.isEmpty();
    }
}
