import LedgerportSDK

/// Model access rights by user group, as Odoo's `ir.model.access` grants them.
///
/// Only the rules the recordings exercise are modelled: accounting documents
/// need the Billing group, external ids need Access Rights, contacts need
/// Contact Creation to be created or changed, and sales documents need a
/// sales group. Every other model is open to internal users. The group names
/// listed in the AccessError come from the recordings of each version.
struct AccessControl: Sendable {
    struct Rule: Sendable {
        /// Group external ids (`account.group_account_invoice`), any of which grants the access.
        let groups: Set<String>
        /// The group names the AccessError lists on 17.0 and on 19.0.
        let labels17: [String]
        let labels19: [String]
    }

    private let rules: [String: [AccessOperation: Rule]]

    static let standard = AccessControl(rules: AccessControl.standardRules())

    /// Raises the AccessError Odoo raises when the user of `transaction` may not `operation` on `model`.
    func check(_ operation: AccessOperation, on model: ModelDefinition, in transaction: Transaction) throws {
        guard !transaction.isSuperuser, let rule = rules[model.name]?[operation] else {
            return
        }
        let userGroups = transaction.userGroups()
        if !userGroups.isDisjoint(with: rule.groups) {
            return
        }
        let labels = transaction.profile.version == .v17 ? rule.labels17 : rule.labels19
        throw transaction.profile.accessDenied(operation: operation, modelLabel: model.label, model: model.name, groups: labels)
    }

    private static func standardRules() -> [String: [AccessOperation: Rule]] {
        let billing = Rule(groups: [Groups.billing, Groups.billingManager], labels17: ["Invoicing/Billing"], labels19: ["Accounting/Invoicing"])
        let accountingRead = Rule(
            groups: [Groups.billing, Groups.billingManager, Groups.salesman, Groups.accountReadonly],
            labels17: [
                "Invoicing/Billing", "Invoicing/Billing Administrator", "Sales/User: Own Documents Only",
                "Technical/Show Accounting Features - Readonly", "User types/Portal",
            ],
            labels19: [
                "Accounting/Administrator", "Accounting/Invoicing", "Sales/User: Own Documents Only", "Role / Portal",
                "Show Accounting Features - Readonly",
            ]
        )
        let accessRights = Rule(groups: [Groups.accessRights], labels17: ["Administration/Access Rights"], labels19: ["Access Rights"])
        // NOTE: the 17.0 group names for contact creation were not recorded; they follow 17.0's group categories.
        let contactCreation = Rule(
            groups: [Groups.contactCreation, Groups.salesManager],
            labels17: ["Extra Rights/Contact Creation", "Sales/Administrator"], labels19: ["Contact/Creation", "Sales/Administrator"]
        )
        let sales = Rule(
            groups: [Groups.salesman, Groups.salesManager], labels17: ["Sales/User: Own Documents Only"],
            labels19: ["Sales/User: Own Documents Only"]
        )

        var rules: [String: [AccessOperation: Rule]] = [:]
        let accountingModels = [
            "account.move", "account.move.line", "account.payment", "account.payment.register", "account.move.reversal",
            "account.partial.reconcile",
        ]
        for model in accountingModels {
            rules[model] = [.read: accountingRead, .write: billing, .create: billing, .unlink: billing]
        }
        rules["ir.model.data"] = [.read: accessRights, .write: accessRights, .create: accessRights, .unlink: accessRights]
        rules["res.users"] = [.write: accessRights, .create: accessRights, .unlink: accessRights]
        rules["res.partner"] = [.write: contactCreation, .create: contactCreation, .unlink: contactCreation]
        for model in ["sale.order", "sale.order.line", "sale.advance.payment.inv"] {
            rules[model] = [.read: sales, .write: sales, .create: sales, .unlink: sales]
        }
        return rules
    }
}

/// The external ids of the groups access rules refer to.
enum Groups {
    static let internalUser = "base.group_user"
    static let accessRights = "base.group_erp_manager"
    static let settings = "base.group_system"
    static let contactCreation = "base.group_partner_manager"
    static let billing = "account.group_account_invoice"
    static let billingManager = "account.group_account_manager"
    static let accountReadonly = "account.group_account_readonly"
    static let salesman = "sales_team.group_sale_salesman"
    static let salesManager = "sales_team.group_sale_manager"

    /// Groups that imply others, as `implied_ids` chains them in Odoo.
    static let implied: [String: [String]] = [
        settings: [accessRights, internalUser],
        accessRights: [internalUser],
        billingManager: [billing],
        billing: [internalUser],
        salesManager: [salesman],
        salesman: [internalUser],
    ]
}

extension Transaction {
    /// Returns the external ids of the calling user's groups, implied groups included.
    func userGroups() -> Set<String> {
        userGroups(of: uid)
    }

    /// Returns the external ids of a user's groups, implied groups included.
    func userGroups(of userID: Int) -> Set<String> {
        guard let user = row("res.users", userID) else {
            return []
        }
        var found = Set<String>()
        for groupID in user[profile.userGroupsField]?.idList ?? [] {
            if let xmlID = externalID("res.groups", groupID) {
                found.insert(xmlID)
            }
        }
        var frontier = Array(found)
        while let group = frontier.popLast() {
            for implied in Groups.implied[group] ?? [] where !found.contains(implied) {
                found.insert(implied)
                frontier.append(implied)
            }
        }
        return found
    }
}
