internal import CZlib
import Foundation

/// Every resource type in the CloudFormation resource schemas that ship with
/// cfn-lint (every region's types, cfn-lint's patches applied), compiled into
/// the program: its create-only, read-only, write-only, required, deprecated
/// and identifying properties, its `Fn::GetAtt` names, and its validation schema.
///
/// Nothing is read until a type is asked for: a lookup is a binary search of
/// the index text, and a type's service is inflated on its first use, then
/// kept. The types with a generated Swift type take their schema from it, so
/// synthesizing a stack of those inflates nothing.
public enum ResourceRegistry {
    /// The type's registry entry, or `nil` for a type the schemas do not
    /// have (`Custom::…`, a third-party or private type, a misspelt name).
    public static func type(named typeName: String) -> RegisteredResourceType? {
        cache.type(named: typeName)
    }

    /// Whether the registry has the type: a generated Swift type (each of
    /// which the registry has) answers without a search of the index.
    public static func contains(_ typeName: String) -> Bool {
        GeneratedResourceTypes.byName[typeName] != nil || location(of: typeName) != nil
    }

    /// The type's validation schema for `Properties` (JSON), or `nil` for a type
    /// not in the registry.
    public static func schemaJSON(for typeName: String) -> String? {
        if let generated = GeneratedResourceTypes.byName[typeName] { return generated.schemaJSON }
        return cache.schemaJSON(for: typeName)
    }

    /// The names `Fn::GetAtt` accepts for the type, or `nil` for a type not in
    /// the registry. A generated Swift type answers without inflating anything.
    public static func attributeNames(of typeName: String) -> [String]? {
        if let generated = GeneratedResourceTypes.byName[typeName] { return generated.attributeNames }
        return type(named: typeName)?.attributeNames
    }

    /// Whether `name` is one of `attributeNames`; a name ending in `.*` stands
    /// for any name below it (`Outputs.*` of a nested stack).
    public static func attributeNames(_ attributeNames: [String], contain name: String) -> Bool {
        attributeNames.contains { known in
            known == name || (known.hasSuffix(".*") && name.count >= known.count && name.hasPrefix(known.dropLast()))
        }
    }

    /// Every type name, sorted.
    public static var typeNames: [String] {
        indexLines().map { String(decoding: $0.prefix { $0 != UInt8(ascii: " ") }, as: UTF8.self) }
    }

    // MARK: The index

    struct Location {
        var chunk: Int
        var offset: Int
        var length: Int
    }

    /// Binary search of the sorted index lines, on bytes: no table is built.
    static func location(of typeName: String) -> Location? {
        let name = Array(typeName.utf8)
        return index.withUTF8Buffer { text -> Location? in
            var low = 0, high = text.count
            while low < high {
                // The line that holds the middle byte.
                var start = (low + high) / 2
                while start > low, text[start - 1] != UInt8(ascii: "\n") { start -= 1 }
                var end = start
                while end < high, text[end] != UInt8(ascii: "\n") { end += 1 }
                var nameEnd = start
                while nameEnd < end, text[nameEnd] != UInt8(ascii: " ") { nameEnd += 1 }
                let candidate = UnsafeBufferPointer(rebasing: text[start..<nameEnd])
                if candidate.elementsEqual(name) {
                    let fields = text[nameEnd..<end].split(separator: UInt8(ascii: " ")).map {
                        $0.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                    }
                    return Location(chunk: fields[0], offset: fields[1], length: fields[2])
                }
                if candidate.lexicographicallyPrecedes(name) { low = end + 1 } else { high = start }
            }
            return nil
        }
    }

    private static func indexLines() -> [[UInt8]] {
        index.withUTF8Buffer { $0.split(separator: UInt8(ascii: "\n")).map(Array.init) }
    }

    // MARK: Chunks and records

    private static let cache = RegistryCache()

    /// A chunk's records, inflated.
    static func inflate(chunk number: Int) -> [UInt8] {
        let base64 = chunks[number].withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        // The generator wrote both; a failure here is a bug in it, which the tests catch.
        guard let deflated = Data(base64Encoded: base64) else { preconditionFailure("registry chunk \(number) is not base64") }
        var length = uLong(inflatedLengths[number])
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            deflated.withUnsafeBytes { input in
                uncompress(out.baseAddress, &length, input.bindMemory(to: Bytef.self).baseAddress, uLong(input.count))
            }
        }
        precondition(status == Z_OK && Int(length) == inflatedLengths[number], "registry chunk \(number) does not inflate")
        return output
    }
}

/// The inflated chunks and the types read from them. Inflating happens
/// outside the lock, so lookups in different services run side by side; two
/// threads that want the same chunk at once may both inflate it.
final class RegistryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [Int: [UInt8]] = [:]
    private var types: [String: RegisteredResourceType] = [:]

    func type(named typeName: String) -> RegisteredResourceType? {
        lock.lock()
        let known = types[typeName]
        lock.unlock()
        if let known { return known }
        guard let record = record(of: typeName) else { return nil }
        let type = RegisteredResourceType(typeName: typeName, metadata: Array(record.prefix { $0 != UInt8(ascii: "\n") }))
        lock.lock()
        defer { lock.unlock() }
        types[typeName] = type
        return type
    }

    func schemaJSON(for typeName: String) -> String? {
        guard let record = record(of: typeName), let newline = record.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        return String(decoding: record[(newline + 1)...], as: UTF8.self)
    }

    private func record(of typeName: String) -> ArraySlice<UInt8>? {
        guard let location = ResourceRegistry.location(of: typeName) else { return nil }
        lock.lock()
        var chunk = chunks[location.chunk]
        lock.unlock()
        if chunk == nil {
            let inflated = ResourceRegistry.inflate(chunk: location.chunk)
            lock.lock()
            if chunks[location.chunk] == nil { chunks[location.chunk] = inflated }
            chunk = chunks[location.chunk]
            lock.unlock()
        }
        return chunk![location.offset..<(location.offset + location.length)]
    }
}
