import CloudFormation

/// What CloudFormation does with the physical resource it stops managing.
///
/// A resource replaced under the same logical ID is disposed of by its
/// `UpdateReplacePolicy`; a logical ID that leaves the template (a removal or
/// a rename) by its `DeletionPolicy`. Either way, a stateful type disposed of
/// by `Delete` (the default) loses its data.
enum OldResourceFates {
    static func afterReplacement(of old: Resource) -> OldResourceFate {
        fate(of: old, policy: old.updateReplacePolicy, attribute: "UpdateReplacePolicy")
    }

    static func afterRemoval(of old: Resource) -> OldResourceFate {
        fate(of: old, policy: old.deletionPolicy, attribute: "DeletionPolicy")
    }

    private static func fate(of old: Resource, policy: DeletionPolicy?, attribute: String) -> OldResourceFate {
        switch policy {
        case .retain?, .retainExceptOnDelete?, .snapshot?:
            return .retained(policy: policy!, attribute: attribute)
        case .delete?, nil:
            return StatefulResourceTypes.contains(old.type) ? .dataLost : .noData
        }
    }
}
