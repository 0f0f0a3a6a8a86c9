// The benchmark's baseline: a Swift program built like `synth` (release,
// statically linked) that only starts and prints one line. Measured beside
// the walkthrough's stack in the same run, it tells how much of a time is
// process start on the machine at that moment.
print("started")
