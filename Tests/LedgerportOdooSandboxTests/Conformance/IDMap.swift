import Foundation

/// The correspondence between ids and numbers on the recorded server and in the sandbox.
///
/// Records created during a replay get different ids in the sandbox than on
/// the recorded server, and invoices different numbers. The first time a
/// recorded id appears in a response, the id at the same place in the
/// sandbox's response is bound to it. From then on both must agree, in both
/// directions, so a replay still fails when the sandbox returns the wrong
/// record. Ids never seen in a response map to themselves: they are the
/// seed records, created with the recorded ids.
struct IDMap {
    private var forward: [String: [Int: Int]] = [:]
    private var backward: [String: [Int: Int]] = [:]
    private var names: [String: String] = [:]
    private var backwardNames: [String: String] = [:]

    /// Returns the sandbox id for a recorded id of `model`.
    func actual(_ recorded: Int, model: String) -> Int {
        forward[model]?[recorded] ?? recorded
    }

    /// Binds or checks a pair; returns false when either side is already bound to something else.
    mutating func bind(_ recorded: Int, to actual: Int, model: String) -> Bool {
        if let known = forward[model]?[recorded] {
            return known == actual
        }
        if let knownRecorded = backward[model]?[actual], knownRecorded != recorded {
            return false
        }
        forward[model, default: [:]][recorded] = actual
        backward[model, default: [:]][actual] = recorded
        return true
    }

    /// Returns the sandbox's number for a recorded move or order number, once bound.
    func actualName(_ recorded: String) -> String? {
        names[recorded]
    }

    /// Binds or checks a pair of move or order numbers (`INV/2026/00045` ↔ `INV/2026/00003`).
    mutating func bindName(_ recorded: String, to actual: String) -> Bool {
        if let known = names[recorded] {
            return known == actual
        }
        if let knownRecorded = backwardNames[actual], knownRecorded != recorded {
            return false
        }
        guard prefix(recorded) == prefix(actual) else {
            return false
        }
        names[recorded] = actual
        backwardNames[actual] = recorded
        return true
    }

    private func prefix(_ name: String) -> String {
        String(name.prefix { !$0.isNumber })
    }
}
