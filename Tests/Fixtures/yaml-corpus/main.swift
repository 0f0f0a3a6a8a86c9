// Reads a JSON array of strings on standard input and writes it as a YAML
// sequence with the project's emitter, so that YAML readers written elsewhere
// (PyYAML for YAML 1.1, ruamel.yaml for YAML 1.2) can check that every string
// reads back unchanged. Used by Tests/python/test_yaml_quoting.py.
import Foundation
import YAML

let input = FileHandle.standardInput.readDataToEndOfFile()
guard let strings = try JSONSerialization.jsonObject(with: input) as? [String] else {
    FileHandle.standardError.write(Data("yaml-corpus: expected a JSON array of strings\n".utf8))
    exit(2)
}
let document = Node.sequence(strings.map { Node.string($0) })
print(try Emitter.emit(document), terminator: "")
