import LedgerportSDK

extension SchemaValidator {
    /// Checks `allOf`, `anyOf` and `oneOf`.
    ///
    /// `allOf` adds the issues of every failing branch. For `anyOf` and `oneOf`,
    /// a summary issue names the closest alternative and its issues follow, so
    /// the reader learns what to change in the branch they most likely meant.
    mutating func checkCombinators(_ value: JSONValue, _ node: SchemaNode, at pointer: JSONPointer) {
        for branch in node.allOf {
            validate(value, against: branch, at: pointer)
        }
        if !node.anyOf.isEmpty {
            let outcomes = node.anyOf.map { evaluate(value, against: $0, at: pointer) }
            if !outcomes.contains(where: \.isEmpty) {
                reportNoMatch(outcomes, keyword: "anyOf", node, at: pointer)
            }
        }
        if !node.oneOf.isEmpty {
            let outcomes = node.oneOf.map { evaluate(value, against: $0, at: pointer) }
            let matching = outcomes.indices.filter { outcomes[$0].isEmpty }
            if matching.isEmpty {
                reportNoMatch(outcomes, keyword: "oneOf", node, at: pointer)
            } else if matching.count > 1 {
                let names = matching.map { String($0 + 1) }.joined(separator: ", ")
                report(pointer, node, "oneOf", "value matches alternatives \(names), but exactly one may match", fix: "change the value, or the schema's alternatives, so that only one matches")
            }
        }
    }

    /// Validates `value` against one branch alone and returns that branch's issues.
    private func evaluate(_ value: JSONValue, against branch: Int, at pointer: JSONPointer) -> [ValidationIssue] {
        var branchValidator = SchemaValidator(nodes: nodes, file: file)
        branchValidator.validate(value, against: branch, at: pointer)
        return branchValidator.issues
    }

    private mutating func reportNoMatch(_ outcomes: [[ValidationIssue]], keyword: String, _ node: SchemaNode, at pointer: JSONPointer) {
        let closest = outcomes.indices.min { closeness(outcomes[$0], at: pointer) < closeness(outcomes[$1], at: pointer) }!
        let location = node.location.appending(keyword).appending(closest)
        report(
            pointer, node, keyword,
            "value matches none of the \(outcomes.count) alternatives",
            fix: "change it to match one of them; the closest is alternative \(closest + 1) (#\(location)), whose problems follow"
        )
        issues.append(contentsOf: outcomes[closest])
    }

    /// Scores how far a failing branch is from matching. A smaller score is closer.
    ///
    /// A type mismatch at the value itself means the branch describes a
    /// different kind of value. `const` and `enum` mismatches usually mean a
    /// discriminator (`"kind": "source"`) chose another branch. Only then does
    /// the number of issues count.
    private func closeness(_ issues: [ValidationIssue], at pointer: JSONPointer) -> (Int, Int, Int) {
        let typeMismatch = issues.contains { $0.rule == "type" && $0.pointer == pointer } ? 1 : 0
        let discriminatorMismatches = issues.filter { $0.rule == "const" || $0.rule == "enum" }.count
        return (typeMismatch, discriminatorMismatches, issues.count)
    }
}
