#!/usr/bin/env python3
"""Build the demo's month of Stripe events from the localstripe recordings.

Reads the 51 recorded webhooks (Tests/StripeConnectorTests/Fixtures/localstripe-events),
adds the events localstripe does not emit (a failed payment before a recovery, a
recovery after a failure, a partial refund, a partial credit note, and a KWD
invoice whose 12.345 KWD unit price Odoo would round), spreads the
events' `created` times over 30 days in their recorded order, and writes each body
to demo/stripe-month/NNN-<type>.json as Stripe sends it (sorted keys, two-space
indent). Run it again only when the recordings change; the output is committed.
"""
import copy
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
RECORDINGS = ROOT / "Tests/StripeConnectorTests/Fixtures/localstripe-events"
OUTPUT = ROOT / "demo/stripe-month"
DAY = 86400


def recorded(name):
    return json.loads(json.loads((RECORDINGS / name).read_text())["raw_body"])


def event(event_id, event_type, obj, template):
    body = copy.deepcopy(template)
    body["id"] = event_id
    body["type"] = event_type
    body["data"] = {"object": obj}
    return body


def failed_usd_payment():
    """Customer B's first charge is declined before the recorded recovery (events 25 and 26)."""
    invoice_paid = recorded("026-invoice.payment_succeeded.json")
    invoice = copy.deepcopy(invoice_paid["data"]["object"])
    invoice.update({"status": "open", "amount_paid": 0, "paid": False, "attempt_count": 1})
    invoice["status_transitions"] = dict(invoice.get("status_transitions") or {}, paid_at=None)
    charge = invoice.get("charge")
    if isinstance(charge, dict):
        charge.update({"id": "ch_demoBdeclined01", "paid": False, "status": "failed",
                       "failure_code": "card_declined", "failure_message": "Your card was declined."})
    intent_ok = recorded("025-payment_intent.succeeded.json")["data"]["object"]
    intent = copy.deepcopy(intent_ok)
    intent.update({"id": "pi_demoBdeclined01", "status": "requires_payment_method",
                   "last_payment_error": {"code": "card_declined", "message": "Your card was declined."}})
    for container in (intent.get("charges", {}).get("data", []), [intent.get("latest_charge")]):
        for item in container:
            if isinstance(item, dict):
                item.update({"id": "ch_demoBdeclined01", "paid": False, "status": "failed", "payment_intent": "pi_demoBdeclined01",
                             "failure_code": "card_declined", "failure_message": "Your card was declined."})
    return [
        event("evt_demoBpifailed01", "payment_intent.payment_failed", intent, invoice_paid),
        event("evt_demoBinvfailed01", "invoice.payment_failed", invoice, invoice_paid),
    ]


def recovered_eur_payment():
    """Customer D pays the invoice whose payment failed (events 41 and 42) with a new card."""
    invoice_failed = recorded("042-invoice.payment_failed.json")
    invoice = copy.deepcopy(invoice_failed["data"]["object"])
    invoice.update({"status": "paid", "amount_paid": invoice["amount_due"], "paid": True, "attempt_count": 2})
    intent = copy.deepcopy(recorded("041-payment_intent.payment_failed.json")["data"]["object"])
    intent.update({"id": "pi_demoDrecovered01", "status": "succeeded", "last_payment_error": None})
    for container in (intent.get("charges", {}).get("data", []), [intent.get("latest_charge")], [invoice.get("charge")]):
        for item in container:
            if isinstance(item, dict):
                item.update({"id": "ch_demoDrecovered01", "paid": True, "status": "succeeded", "payment_intent": "pi_demoDrecovered01",
                             "failure_code": None, "failure_message": None, "balance_transaction": "txn_demoDrecovered01"})
    return [
        event("evt_demoDpisucceeded01", "payment_intent.succeeded", intent, invoice_failed),
        event("evt_demoDinvpaid01", "invoice.payment_succeeded", invoice, invoice_failed),
    ]


def partial_refund():
    """Customer A is refunded 99.00 EUR of the 891.00 EUR invoice paid in event 31."""
    intent_event = recorded("031-payment_intent.succeeded.json")
    charge = copy.deepcopy(intent_event["data"]["object"]["charges"]["data"][0])
    charge.update({"amount_refunded": 9900, "refunded": False, "invoice": intent_event["data"]["object"]["invoice"]})
    charge["refunds"] = {
        "object": "list", "has_more": False, "total_count": 1, "url": "/v1/charges/%s/refunds" % charge["id"],
        "data": [{
            "id": "re_demoArefund01", "object": "refund", "amount": 9900, "currency": charge["currency"],
            "charge": charge["id"], "payment_intent": charge["payment_intent"], "created": charge["created"],
            "reason": "requested_by_customer", "status": "succeeded", "metadata": {},
        }],
    }
    return [event("evt_demoArefunded01", "charge.refunded", charge, intent_event)]


def partial_credit_note():
    """Customer A is credited 20.00 EUR on the 70.00 EUR invoice of event 29, without a refund."""
    invoice_event = recorded("029-invoice.payment_succeeded.json")
    invoice = invoice_event["data"]["object"]
    line = invoice["lines"]["data"][0]
    note = {
        "id": "cn_demoAcredit01", "object": "credit_note", "number": "ACME-CN-0001", "invoice": invoice["id"],
        "customer": invoice["customer"], "currency": invoice["currency"], "status": "issued", "type": "post_payment",
        "amount": 2000, "subtotal": 2000, "total": 2000, "tax_amounts": [], "discount_amount": 0,
        "refund": None, "out_of_band_amount": None, "credit_amount": 2000, "reason": "order_change",
        "memo": "Goodwill credit for a partial outage", "created": invoice["created"], "voided_at": None, "metadata": {},
        "lines": {"object": "list", "has_more": False, "total_count": 1, "url": "/v1/credit_notes/cn_demoAcredit01/lines",
                  "data": [{"id": "cnli_demoAcredit01", "object": "credit_note_line_item", "type": "invoice_line_item",
                            "invoice_line_item": line["id"], "description": "Goodwill credit", "quantity": 1,
                            "amount": 2000, "unit_amount": 2000, "tax_amounts": [], "discount_amount": 0}]},
    }
    return [event("evt_demoAcreditnote01", "credit_note.created", note, invoice_event)]


def kwd_invoice_with_fils_price():
    """Customer G is invoiced 12.345 KWD, a unit price Odoo would round to 12.35, so the delivery is parked."""
    customer_event = recorded("008-customer.created.json")
    customer = copy.deepcopy(customer_event["data"]["object"])
    customer.update({"id": "cus_demoGkwd01", "email": "ap@gulf-data.example", "name": "Gulf Data Services",
                     "currency": "kwd", "description": "Kuwaiti customer billed in KWD"})
    invoice_event = recorded("010-invoice.created.json")
    invoice = copy.deepcopy(invoice_event["data"]["object"])
    line = invoice["lines"]["data"][0]
    line.update({"id": "il_demoGkwd01", "invoice": "in_demoGkwd01", "amount": 12345, "currency": "kwd",
                 "description": "Connector Pro, billed in KWD"})
    line["plan"] = dict(line["plan"], id="pro-monthly-kwd", nickname="pro-monthly-kwd", amount=12345, currency="kwd")
    invoice.update({"id": "in_demoGkwd01", "customer": "cus_demoGkwd01", "customer_email": "ap@gulf-data.example",
                    "currency": "kwd", "amount_due": 12345, "subtotal": 12345, "total": 12345, "status": "open",
                    "subscription": None, "parent": None, "number": "GULF-0001"})
    invoice["status_transitions"] = dict(invoice["status_transitions"], finalized_at=invoice["created"])
    return [
        event("evt_demoGcustomer01", "customer.created", customer, customer_event),
        event("evt_demoGfinalized01", "invoice.finalized", invoice, invoice_event),
    ]


def month():
    files = sorted(p.name for p in RECORDINGS.glob("[0-9][0-9][0-9]-*.json"))
    bodies = [recorded(name) for name in files]
    insert_before = {"025-payment_intent.succeeded.json": failed_usd_payment()}
    append_after = {
        "032-invoice.payment_succeeded.json": partial_refund() + partial_credit_note(),
        "042-invoice.payment_failed.json": recovered_eur_payment(),
        "051-payment_intent.payment_failed.json": kwd_invoice_with_fils_price(),
    }
    plan = []
    for name, body in zip(files, bodies):
        plan += insert_before.get(name, [])
        plan.append(body)
        plan += append_after.get(name, [])
    start = plan[0]["created"]
    for index, body in enumerate(plan):
        body["created"] = start + (index * 30 * DAY) // len(plan)
    return plan


def main():
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for old in OUTPUT.glob("*.json"):
        old.unlink()
    plan = month()
    for index, body in enumerate(plan, start=1):
        path = OUTPUT / ("%03d-%s.json" % (index, body["type"]))
        path.write_text(json.dumps(body, indent=2, sort_keys=True) + "\n")
    print("wrote %d events to %s" % (len(plan), OUTPUT.relative_to(ROOT)), file=sys.stderr)


if __name__ == "__main__":
    main()
