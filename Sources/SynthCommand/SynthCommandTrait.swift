// The command is built on swift-argument-parser, which SwiftPM resolves for a
// dependent only when the package's SynthCommand trait is on (a default trait).
#if !SynthCommand
#error("the SynthCommand product needs the SynthCommand trait: depend on SwiftCloudFormation with its default traits, or with traits: [\"SynthCommand\"]")
#endif
