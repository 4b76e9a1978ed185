#!/usr/bin/env python3
"""Writes the sample golden set samples/golden/v1/{golden.jsonl,policy.json} (seeded: the output is committed and
must not change unless this script does). Run from anywhere: python3 samples/golden/generate.py

Tickets are written for this project: how customers of an online shop really write (typos, run-on chat lines,
e-mail sign-offs with phone numbers), across four channels and the fourteen intents of the taxonomy in README.
Templates are listed most common phrasing first and drawn with Zipf-like weights after each has been used once.
Every template is labeled with the intent a trained agent would pick; several are hard on purpose (a chargeback
threat that never says "chargeback", an account takeover that reads like a login problem, a duplicate charge
that mentions the bank). Names, e-mail addresses and phone numbers are fictional (555-01xx, 07700 900xxx,
example domains) but PII-shaped, so the run artifacts prove they come out sanitized.
"""
import json
import random
from pathlib import Path

SEED = 20261122
OUT = Path(__file__).resolve().parent / "v1"

TAXONOMY = {
    "account.password_reset": ("account", "password_reset_link", 2),
    "order.status": ("orders", "order_status_update", 2),
    "billing.invoice_request": ("billing", "invoice_copy", 2),
    "order.cancel": ("orders", "cancel_order_confirm", 1),
    "order.return": ("orders", "return_label", 1),
    "shipping.delay": ("logistics", "shipping_delay_apology", 1),
    "billing.double_charge": ("billing", "refund_duplicate_charge", 1),
    "billing.refund_status": ("billing", "refund_status_update", 1),
    "product.question": ("support", "product_info", 1),
    "other": ("support", "generic_ack", 1),
    "fraud.chargeback": ("risk", "escalate_fraud", 0),
    "legal.threat": ("legal", "escalate_legal", 0),
    "account.takeover": ("security", "escalate_security", 0),
    "privacy.data_deletion": ("privacy", "escalate_privacy", 0),
}
POLICY = {"tier2_eligible_intents": ["account.password_reset", "order.status", "billing.invoice_request"],
          "auto_reply_min_confidence": 0.85}

# How many tickets of each intent: the low-risk, automatable ones dominate real traffic.
COUNTS = {
    "order.status": 60, "account.password_reset": 44, "billing.invoice_request": 34, "order.cancel": 34,
    "order.return": 34, "shipping.delay": 36, "billing.double_charge": 30, "billing.refund_status": 32,
    "product.question": 34, "other": 28, "fraud.chargeback": 22, "legal.threat": 16, "account.takeover": 22,
    "privacy.data_deletion": 20,
}

TEMPLATES = {
    "account.password_reset": [
        "I forgot my password and the reset email never shows up. Can you send me a new link? My login is {email}.",
        "How do I reset my password? The app keeps telling me my details are wrong.",
        "I'm locked out after too many attempts, please help me get back in. Account email {email}",
        "can't log in, it says invalid password. i need a password reset link",
        "The password reset link you sent me has expired. Could you send another one to {email}?",
        "I changed phones and can't remember my password for the app. I need to set a new one.",
        "Trying to sign in on the website but I don't remember my password. Username is {username}.",
        "Every time I click 'forgot password' nothing happens. I just want to get into my account to use my points.",
        "Please send me a link to set a new password, I've been locked out since this morning.",
        "My password stopped working after your site update. How can I reset it?",
        "need to change my password, forgot the old one. acct {email}",
        "I keep getting 'incorrect password' even though I'm sure it's right. Can you reset it? The phone on file is {phone}.",
        "Hi, the reset code never arrives by text to {phone}. Is there another way to reset my password?",
        "Forgot my password again, sorry! Can you send the reset email to {email}?",
    ],
    "order.status": [
        "Where is my order {order}? I placed it on {date} and haven't had any update.",
        "Can you tell me the status of order {order}?",
        "hi just checking on my order {order}, has it shipped yet?",
        "I ordered a {product} last week. Could you let me know when it will be dispatched?",
        "What's the tracking number for order {order}? The confirmation email didn't have one.",
        "Has my order shipped? Order number {order}, name {name}.",
        "I'd like an update on my purchase from {date}, order {order}. Is it still being processed?",
        "Is there any way to see where my parcel is? Order {order}.",
        "My order page just says 'processing'. What does that mean and when will it ship? {order}",
        "Could you confirm my order {order} went through? I didn't get a confirmation at {email}.",
        "When will order {order} arrive? It's a birthday present for Saturday.",
        "where is my package?? ordered the {product} on {date}",
        "Can you check if order {order} has left the warehouse yet? Thanks, {name}",
        "I got an email saying my order {order} is 'ready', what happens next?",
        "hello, status of order {order} please",
    ],
    "billing.invoice_request": [
        "Could you send me an invoice for order {order}? I need it for my expense report.",
        "I need a VAT invoice with our company name ({company}) for my last purchase, order {order}.",
        "Please email a copy of the receipt for {order} to {email}.",
        "Our accounts team needs invoices for all orders we placed in {month}. Is there a way to download them?",
        "Hi, can I get a PDF invoice for my subscription payment on {date}?",
        "i need a receipt for order {order}, my employer is paying me back",
        "The invoice I received has the wrong billing address. Could you reissue it to {company}, {street}?",
        "Where can I find my invoices in my account? I need the one from {date}.",
        "Please could you resend the invoice for {order}? I deleted the email by mistake.",
        "Can you add our VAT number GB{vat} to the invoice for order {order}?",
    ],
    "order.cancel": [
        "Please cancel my order {order}. I ordered the wrong size.",
        "I placed an order an hour ago by mistake, can you cancel it before it ships? {order}",
        "I'd like to cancel my subscription box before the next delivery.",
        "cancel order {order} pls, found it cheaper somewhere else",
        "Can I still cancel order {order}? It says processing.",
        "I need to cancel the {product} I ordered yesterday, I don't need it any more.",
        "Please stop order {order} from being sent, I ordered the same thing twice by accident.",
        "I changed my mind about the {product}. Can you call the order off before it goes out? {order}",
        "Hi, I'd like to cancel order {order} and order the blue one instead.",
        "Is it too late to cancel? Order {order}, placed {date}.",
        "please cancel everything on order {order}, we're moving house and won't be at this address",
    ],
    "order.return": [
        "I'd like to return the {product} from order {order}, it doesn't fit.",
        "How do I send back an item? The {product} arrived damaged.",
        "Can you send me a return label for order {order}?",
        "The {product} I received isn't what I ordered. I want to return it.",
        "i want to exchange my {product} for a bigger size",
        "Returning the {product} from {order}: do I need the original box?",
        "The {product} stopped working after two days. I'd like to send it back for a replacement.",
        "How many days do I have to return something? I bought a {product} on {date}.",
        "Please arrange a collection for the {product}, I want to return it. I'm at home most days, call {phone}.",
        "Wrong colour delivered for order {order}, how do I return it?",
    ],
    "shipping.delay": [
        "My order {order} was supposed to arrive on {date} and it's still not here.",
        "The tracking for {order} hasn't moved in 6 days. It seems stuck in transit with {carrier}.",
        "Delivery was promised for Tuesday and it's now Friday. What is going on with {order}?",
        "Your site said 2-day shipping, it's been a week. Order {order}.",
        "package is late again, this is the third time this year",
        "The courier keeps postponing my delivery of {order}, I've been home all day waiting.",
        "My parcel has not arrived and it's been 10 days since it shipped.",
        "{carrier} says my parcel is delayed at the depot. Can you chase it? Order {order}.",
        "Still waiting on the {product}, the estimated delivery date passed on {date}.",
        "I paid for next-day delivery on {order} and it's been three days. Can you look into it?",
    ],
    "billing.double_charge": [
        "I was charged twice for order {order}. Please refund the duplicate.",
        "My card statement shows two payments of {amount} for the same order {order}.",
        "You billed me twice this month for my subscription.",
        "There are two identical charges of {amount} on my card ending {last4}, I only placed one order.",
        "I see a duplicate payment for {order}, my bank app shows it twice.",
        "Got double-charged when the checkout page froze. I want one of them refunded.",
        "The payment for {order} went through twice, {amount} each time. Card ending {last4}.",
        "hi you took the money twice for my order {order}??",
        "I paid once with PayPal but I was charged twice, can you fix this?",
    ],
    "billing.refund_status": [
        "I returned the {product} two weeks ago, when will I get my refund?",
        "What's the status of my refund for order {order}?",
        "You confirmed my refund on {date} but the money still isn't back on my card.",
        "How long does a refund take to show up on PayPal? It was for order {order}.",
        "still waiting for my money back for {order}",
        "Your agent said I'd be refunded within 5 days for the cancelled order {order}. It's been 12.",
        "Has the refund for the {product} been processed yet? I sent it back on {date}.",
        "The courier collected my return on {date}. Can you tell me when the refund will be issued?",
        "i got an email saying refund approved but nothing on my statement yet, order {order}",
    ],
    "product.question": [
        "Is the {product} compatible with the iPhone 15?",
        "Does the {product} come with a charger or do I need to buy one?",
        "What's the warranty on the {product}?",
        "How long does the battery on the {product} last?",
        "Is the {product} in stock in black? The page says 'coming soon'.",
        "What size should I order? I'm usually a medium in most brands.",
        "Can the {product} be used outdoors in the rain?",
        "Does the {product} work on 220V? I'm moving to Europe.",
        "What are the dimensions of the {product} when folded?",
        "Is the {product} dishwasher safe?",
        "how do i use the timer on the {product}? the manual isn't clear",
        "Can I pair two {product}s to the same phone?",
    ],
    "other": [
        "Do you have a physical store in {city}?",
        "I'd like to update the phone number on my account to {phone}.",
        "Just wanted to say thanks, the agent I spoke to yesterday was great!",
        "Do you offer a student discount?",
        "How do I unsubscribe from your marketing emails? I get three a day at {email}.",
        "Are you hiring for the warehouse in {city}?",
        "What are your customer service hours at the weekend?",
        "Can I buy a gift card and have it sent to my sister by email?",
        "Do you ship to Canada?",
        "Your website is really slow today, just so you know.",
    ],
    "fraud.chargeback": [
        "I don't recognise a charge of {amount} from you on my card ending {last4}. I'm going to dispute it with my bank.",
        "I've filed a chargeback for order {order} because the item never came.",
        "Someone used my credit card to place order {order}, I never bought this.",
        "There's an unauthorized transaction on my account from your store for {amount}.",
        "I have opened a dispute with PayPal for {order}.",
        "My card was stolen and I see three orders from your site I didn't make.",
        "If this isn't sorted today I'll ask my card issuer to reverse the payment for {order}.",
        "This is fraud. You charged {amount} for something I never ordered.",
        "My bank flagged a payment to you as suspicious, it wasn't me. Card ending {last4}.",
    ],
    "legal.threat": [
        "If I don't get my money back by Friday I will be contacting my lawyer.",
        "This is a formal notice: I intend to take legal action over the injury caused by your {product}.",
        "I'm taking you to small claims court over order {order}.",
        "My attorney will be in touch regarding your breach of warranty.",
        "I've reported you to trading standards and my solicitor is drafting a letter about order {order}.",
        "Refund me or I'll sue. I have all the emails saved.",
        "Consider this a letter before action regarding the faulty {product}. Reply to {email}.",
    ],
    "account.takeover": [
        "Someone logged into my account and changed the delivery address, I didn't do that!",
        "I got an email saying my password was changed but it wasn't me. Please lock my account.",
        "My account has been hacked, there are orders I didn't place.",
        "I can't log in and I got a notification that my email address was changed to one I don't recognise.",
        "Someone signed in from another country and used my saved card. My number is {phone}, please call.",
        "There's a new phone number on my account that isn't mine and my saved addresses are gone.",
        "I think someone has access to my account, I'm getting order confirmations for things I didn't buy at {email}.",
        "Account compromised, all my reward points were spent overnight. Not me.",
    ],
    "privacy.data_deletion": [
        "Please delete my account and all the personal data you hold about me.",
        "Under GDPR I request erasure of all my personal information.",
        "I want you to remove my personal data from your systems, including my email {email} and phone {phone}.",
        "Close my account permanently and don't keep any of my details.",
        "I exercise my right to be forgotten. Please confirm when it's done.",
        "Please erase my data, I no longer want to be a customer.",
        "What personal data do you store about me? I want all of it deleted. Account {email}.",
    ],
}

FIRST = ["Maria", "James", "Aisha", "Tom", "Sofia", "Daniel", "Priya", "Lucas", "Emma", "Omar", "Grace", "Chen", "Fatima", "Jack",
         "Nora", "Mateo", "Hannah", "Yusuf", "Chloe", "Ben"]
LAST = ["Garcia", "Smith", "Khan", "Novak", "Rossi", "Okafor", "Patel", "Silva", "Brown", "Haddad", "Kim", "Wright", "Jensen",
        "Moreau", "Lopez", "Schmidt", "Murphy", "Tanaka", "Ahmed", "Walsh"]
DOMAINS = ["example.com", "example.org", "example.net", "mail.example.co.uk"]
PRODUCTS = ["wireless earbuds", "air fryer", "standing desk", "rain jacket", "coffee grinder", "phone case", "smart watch",
            "hiking boots", "kettle", "desk lamp", "baby monitor", "backpack", "bluetooth speaker", "yoga mat", "blender"]
CARRIERS = ["DPD", "UPS", "Royal Mail", "FedEx", "DHL", "Evri"]
CITIES = ["Leeds", "Austin", "Manchester", "Denver", "Bristol", "Toronto", "Glasgow", "Portland"]
COMPANIES = ["Brightline Studio Ltd", "Northfield Dental", "Kaya Logistics", "Oakridge Consulting", "Parcel & Pine"]
STREETS = ["14 Mill Lane", "221 Harbour Road", "8 Station Street", "45 Elm Avenue", "3 Kings Yard"]
MONTHS = ["September", "October", "last quarter", "August"]

CHANNELS = ["email", "livechat", "web_form", "phone"]
CHANNEL_WEIGHTS = [0.38, 0.32, 0.18, 0.12]


def person(rng):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return first, last


def slots(rng):
    first, last = person(rng)
    return {
        "name": f"{first} {last}",
        "email": f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@{rng.choice(DOMAINS)}",
        "phone": rng.choice([f"+1 415-555-01{rng.randint(10, 99)}", f"07700 900{rng.randint(100, 999)}",
                             f"(312) 555-01{rng.randint(10, 99)}"]),
        "order": rng.choice([f"A{rng.randint(10000, 99999)}", f"#{rng.randint(100000000, 999999999)}",
                             f"ORD-{rng.randint(2025, 2026)}-{rng.randint(1000, 9999)}"]),
        "product": rng.choice(PRODUCTS),
        "date": rng.choice(["Monday", "the 3rd", "November 14", "last Friday", "12/11", "the 28th"]),
        "amount": rng.choice(["$49.99", "£23.50", "$129.00", "€74.90", "$18.25", "£310.00"]),
        "carrier": rng.choice(CARRIERS),
        "city": rng.choice(CITIES),
        "last4": f"{rng.randint(0, 9999):04d}",
        "company": rng.choice(COMPANIES),
        "street": rng.choice(STREETS),
        "month": rng.choice(MONTHS),
        "vat": f"{rng.randint(100000000, 999999999)}",
        "username": f"{first.lower()}{rng.randint(80, 99)}",
        "first": first,
    }


def wrap(rng, channel, body, s):
    """The same request reads differently by channel: e-mails have greetings and signatures, chats do not."""
    if channel == "email":
        greeting = rng.choice(["Hi,", "Hello,", "Dear support team,", "Hi there,", "Good morning,"])
        sign = rng.choice([f"Thanks,\n{s['first']}", f"Kind regards,\n{s['name']}", f"Best,\n{s['name']}\n{s['phone']}",
                           f"Thank you\n{s['name']}\n{s['email']}", f"Cheers, {s['first']}"])
        return f"{greeting}\n\n{body}\n\n{sign}"
    if channel == "livechat":
        text = body if rng.random() < 0.6 else body.lower()
        return rng.choice(["", "hi ", "hello, ", "hey - "]) + text
    if channel == "web_form":
        return body + rng.choice(["", f"\nName: {s['name']}", f"\nContact: {s['email']}", f"\nPhone: {s['phone']}"])
    return "Call transcript. Customer: " + body + rng.choice(["", " Customer can be reached on " + s["phone"] + "."])


def main():
    rng = random.Random(SEED)
    rows = []
    for intent, count in COUNTS.items():
        seen = set()
        templates = TEMPLATES[intent]
        attempts = 0
        while len([r for r in rows if r["intent"] == intent]) < count:
            attempts += 1
            if attempts > 10000:
                raise SystemExit(f"cannot make {count} distinct {intent} tickets")
            # Each template once, then by phrasing frequency: templates are listed most common phrasing first, and
            # real traffic is dominated by the plain ways of asking (Zipf-like weights 1/rank).
            if len(seen) < len(templates):
                body_t = templates[len(seen)]
            else:
                body_t = rng.choices(templates, weights=[1 / (i + 1) for i in range(len(templates))])[0]
            s = slots(rng)
            channel = rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
            text = wrap(rng, channel, body_t.format(**s), s)
            if text in seen:
                continue
            seen.add(text)
            team, template, tier = TAXONOMY[intent]
            rows.append({"text": text, "channel": channel, "intent": intent, "team": team, "template": template, "tier": tier})
    rng.shuffle(rows)
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "golden.jsonl", "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            f.write(json.dumps({"id": f"g-{i:06d}", **r}, ensure_ascii=False) + "\n")
    with open(OUT / "policy.json", "w", encoding="utf-8") as f:
        json.dump(POLICY, f, indent=2)
        f.write("\n")
    print(f"wrote {len(rows)} examples to {OUT / 'golden.jsonl'}")


if __name__ == "__main__":
    main()
