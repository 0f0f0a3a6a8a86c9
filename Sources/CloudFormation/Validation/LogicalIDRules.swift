extension TemplateValidator {
    /// CloudFormation's rule for logical IDs (and for the names of outputs,
    /// conditions and mappings): ASCII letters and digits, 1 to 255 of them.
    static func isValidLogicalID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 255
            && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// Malformed names, duplicates within a section, and parameters and
    /// resources sharing a name (both are targets of `Ref`).
    mutating func checkLogicalIDs() {
        let sections: [(String, [String])] = [
            ("Parameters", template.parameters.map(\.logicalID)),
            ("Mappings", template.mappings.map(\.name)),
            ("Conditions", template.conditions.map(\.name)),
            ("Resources", template.resources.map(\.logicalID)),
            ("Outputs", template.outputs.map(\.logicalID)),
        ]
        for (section, ids) in sections {
            var seen: Set<String> = []
            for id in ids {
                // A condition loop's key (`Fn::ForEach::Name`) is not a name; the names come from its expansion.
                if !Self.isValidLogicalID(id) && !(section == "Conditions" && ForEachLoop.isLoop(id)) {
                    error([section, id], "'\(id)' is not a valid name: use 1 to 255 ASCII letters and digits")
                }
                if !seen.insert(id).inserted {
                    error([section, id], "'\(id)' is declared more than once in \(section)")
                }
            }
        }
        for resource in template.resources where names.parameters.contains(resource.logicalID) {
            error(["Resources", resource.logicalID], "'\(resource.logicalID)' is both a parameter and a resource; Ref could not tell them apart")
        }
        if template.resources.isEmpty && template.resourceLoops.isEmpty {
            error(["Resources"], "a stack needs at least one resource")
        }
    }
}
