# The words a reader of a notice sees, in British English (en-GB).
#
# Every heading, label and phrase of the notice pages, the plain text, the printed form, the index page and
# the JSON-LD comes from here, by message id. Templates ask with `{ t("id", name=value) }`, the view model
# with `Catalogue::text`. Arguments are notice data or words formatted from this file. A message that reads
# a leading or trailing space keeps it in a string literal, `{" "}`.

## Shared words

not-stated = Not stated in this notice.
# Joins all but the last item of a list in words, and the whole list.
list-separator = {", "}
list-and = { $items } and { $last }
list-and-separator = {" and "}

## Section headings, shared by the pages, the plain text, the form and the summary

heading-glance = At a glance
heading-contents = Contents
back-to-contents = Back to contents
heading-who = Who we are and how to contact us
heading-purposes = Why we use your information
heading-bases = Our lawful bases
heading-data = The information we hold
heading-sources = Where your information comes from
heading-sharing = Who we share your information with
heading-storage = Where your information is kept and transfers abroad
heading-retention = How long we keep your information
heading-rights = Your rights
heading-requirements = Whether you must give us your information
heading-decisions = Automated decision making
heading-security = Keeping your information secure
heading-confidentiality = Keeping what you tell us confidential
heading-related = Other notices and information
heading-changes = Changes to this notice
heading-dpo = Data protection questions
heading-feedback = Feedback on this notice
heading-withdraw = Withdrawing your consent
heading-opt-out = Opting out
heading-changing-mind = Changing your mind
heading-consent = Your consent and signature
# The signature section of a form that asks for no consent: signing it is not consent.
heading-signature = Signature
heading-special-conditions = Special category data

## At a glance: the questions

glance-who = Who we are
glance-collect = What we collect
glance-why = Why we use it
glance-share = Who we share it with
glance-keep = How long we keep it
glance-complain = How to complain
glance-more = { $count } more
glance-more-see = { $count } more: see "{ $section }" below.

## Labels of facts

label-version = Version
label-last-updated = Last updated
label-published = Published
label-for = For
label-email = Email
label-phone = Phone
label-web = Web
label-post = Post
label-address = Address
label-website = Website
label-ico-registered = Registered with the Information Commissioner's Office
label-lawful-basis = Lawful basis
label-legitimate-interests = The interests we pursue
label-for-example = For example
label-information-used = Information used
label-shared-with = Shared with
label-consent-ends = Consent ends
label-special-category = Special category data
label-special-condition = Condition for special category data
label-criminal = Criminal offence data
label-dpa-condition = Data Protection Act 2018 condition
label-policy-document = Appropriate policy document
label-where-from = Where it comes from
label-who-can-see = Who can see it
label-where-to = Where to
label-safeguard = Safeguard
label-when = When
label-how-long = How long
label-applies = Applies
label-criteria = Criteria
label-why = Why
label-then = Then
label-unless = Unless
label-identification = Identification ({ $right })
label-fee = Fee ({ $right })
label-required = Required?
label-if-you-do-not = If you do not
label-how-it-works = How it works
label-people-involved = People involved
label-what-it-means = What it means for you
label-information = Information
label-details = Details
label-law = The law
# What the notice says that limits or hedges a statement (`Occasionally`, `The notice says this may happen`).
label-note = Note
label-art9-justification = What the notice gives as its justification
label-retention-schedule = Retention schedule

## What a notice leaves out

gap-no-parties = This notice does not name who is responsible for the information.
gap-no-purposes = This notice does not state why it uses information.
gap-no-categories = This notice does not list the information it holds.
gap-no-recipients = This notice does not name who receives the information.
gap-no-retention = This notice does not say how long information is kept.
gap-no-rights = This notice does not describe your rights.

## Sentences around the notice's facts

party-acting-for = for { $organisation }
feedback-intro = If you feel this information is not clear, please tell us.
# A statement and the notice's qualifiers on it: `Consent (Art. 6(1)(a)) (Only with your consent)`.
qualified = { $text } ({ $qualifiers })
# The words the notice itself gives an organisation, which are not a legal role.
party-described-as = Described in this notice as "{ $words }".
party-described-as-for = Described in this notice as "{ $words }", for { $organisation }.
party-acts-for = Acts for { $organisation }.
bases-intro = This notice gives these lawful bases for the notice as a whole.
bases-not-linked = For the uses above that have no lawful basis of their own, it does not say which of these applies.
special-conditions-intro = What this notice says about its special category data as a whole:
confidentiality-unless = Unless:
# After a note the notice makes of several lists, printed once with the first: the other lists.
not-exhaustive-also = The same applies to our lists of { $lists }.
# What a statement shared by several things is said of: `Who can see it (A and B)`.
shared-about = { $label } ({ $about })
shared-for = For { $about }:
bases-not-relied-on = We do not rely on { $basis }.
sharing-bases-intro = The lawful bases for sharing your information with others are:
criminal-offence-data = Information about criminal convictions and offences.
source-publicly-accessible = { $party }, a publicly accessible source
source-public = a publicly accessible source
source-for-example = for example { $examples }
recipient-processor = They act only on our instructions.
recipient-shared = Information shared: { $categories }.
system-stored-in = Stored in { $places }.
retention-caption = Retention periods
retention-applies = Applies: { $when }
retention-then = Then { $disposal }.
retention-unless = Unless: { $unless }
right-authority = Supervisory authority: { $authority }.
decision-profiling = This includes profiling.
security-measures = Measures: { $measures }.
related-additional = an additional notice

## The pages around the notice

skip-link = Skip to main content
index-title = Privacy notices
index-caption = Every notice, with its version and the date it was last updated
index-notice = Notice
index-formats = Other formats
index-text = Text
index-jsonld = JSON-LD
index-form = form to sign
# Read by screen readers after a link's words ("Text of …").
index-of = of { $title }
index-for = for { $title }
form-link-intro = This notice is also printed as a form to sign:
form-link = { $title } (printable form)
# Markup is allowed here: it is template text, not notice data.
footer-formats-html = Also available as <a href="notice.txt">plain text</a> and <a href="notice.jsonld">linked data (JSON-LD)</a>.

## The form to sign

form-title = { $title }: form to sign
form-to-sign = { $title }: to sign
form-read-together = Please read this with the person it is about before they sign.
form-reference = Form: { $id }, version { $version }.
form-reference-updated = Form: { $id }, version { $version }, last updated { $date }.
# A form whose notice states no version is traced by its content hash.
form-reference-unversioned = Form: { $id }, content hash { $hash }.
form-reference-unversioned-updated = Form: { $id }, content hash { $hash }, last updated { $date }.
form-tick = Tick each box you agree to. You can leave any box unticked.
form-footer = { $id } · version { $version } · content hash { $hash }
form-footer-unversioned = { $id } · content hash { $hash }
form-page = {"Page "}
form-page-of = {" of "}
form-name = Name (please print)
form-signature = Signature
form-date = Date
# A box on the printed form, ticked by whoever hands the signed form over.
form-copy-given = A copy of this signed form was given to the person.

## The printed form: its parts, in the order a person needs them

print-what-we-do = What we do with your information and why
print-contact = Who is responsible and how to contact them

## Footers

footer-reference = { $id }, version { $version }, content hash { $hash }
footer-reference-unversioned = { $id }, content hash { $hash }

## Dates and periods

date-long = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
duration-years = { $n ->
    [one] { $n } year
   *[other] { $n } years
}
duration-months = { $n ->
    [one] { $n } month
   *[other] { $n } months
}
duration-weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weeks
}
duration-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
retention-after = { $period } after { $event }
retention-from = { $period } from { $event }
# Years from the date of birth, as the birthday the person reaches.
retention-until-birthday = until your { $ordinal } birthday
# An ordinal number: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st.
ordinal = { $n }{ NUMBER($n, type: "ordinal") ->
    [one] st
    [two] nd
    [few] rd
   *[other] th
}
retention-up-to = up to { $period }
retention-normally = normally { $period }
retention-until = until { $event }
retention-or = { $period }, or { $until }
# What a retention rule or a requirement covers when it names no category or purpose.
retention-everything = All personal data
requirement-everything = The information we ask for

## Places

# A place by its ISO 3166-1 code, or EU or EEA; `$name` is the country's English short name.
place = { $code ->
    [EU] the European Union
    [EEA] the European Economic Area
    [GB] the United Kingdom
    [US] the United States
   *[other] { $name }
}

## Signature blocks without a heading of their own

signature-heading = { $signer ->
    [data_subject] Signed by the person receiving support
    [parent] Signed by a parent
    [guardian] Signed by a guardian
    [advocate] Signed by an advocate
    [person_or_representative] Signed by the person, or a parent, guardian or advocate for them
    [support_worker] Signed by the support worker
   *[witness] Signed by a witness
}

## At a glance

glance-provider = { $name } provides the service
glance-provider-for = { $name } provides the service for { $client }
glance-responsible = { $count ->
    [one] { $names } is responsible for your information.
   *[other] { $names } are responsible for your information.
}
glance-complain-to = You can complain to the { $authority }.
glance-complain-to-ico = You can complain to the Information Commissioner's Office.
# Without a controller: the organisations the notice speaks as, or else every organisation it names,
# never called controllers.
glance-from = This notice is from { $names }.
party-we = In this notice, “we” and “us” means { $name }.
glance-names = This notice names { $names }.
glance-also-named = Also named in this notice: { $names }.
# An organisation in the summary, with the words the notice gives it.
glance-described = { $name } ({ $described })
glance-described-for = { $name } ({ $described } for { $client })

## Report

# The reviewer's report (`noticec report`): for a data protection officer, not for the people a notice is about.
report-title = Reviewer's report on the privacy notices
report-notice-title = Reviewer's report: { $title }
report-intro = Each notice is checked against the items UK GDPR Articles 13 and 14 ask a privacy notice to state. Notices with the most items missing come first.
report-caption = Every notice, with the items it leaves out and the findings of the check
report-col-notice = Notice
report-col-missing = Items missing
report-col-warnings = Warnings
report-col-notes = Notes
report-col-item = Item
report-col-art13 = Art. 13
report-col-art14 = Art. 14
report-col-status = Status
report-col-findings = Findings
report-items-caption = The items of UK GDPR Articles 13 and 14, what this notice states, and the findings about each
report-no-findings = None
report-stated-at = Stated at
report-file-wide = Findings about the whole file
report-other = Other findings
report-back = All notices
report-article-none = —
report-status-stated = stated
report-status-notice-wide = stated for the notice as a whole only
report-status-missing = missing
report-status-not-applicable = not applicable
report-status-not-stated = not stated
report-item-controller = Identity and contact details of the controller
report-item-dpo = Contact details of the data protection officer
report-item-purposes = Purposes of the processing
report-item-lawful-basis = Lawful basis for each purpose
report-item-legitimate-interests = Legitimate interests pursued
report-item-data-categories = Categories of personal data
report-item-recipients = Recipients or categories of recipients
report-item-transfers = Transfers outside the UK and their safeguards
report-item-retention = How long the data is kept
report-item-right-access = Right of access
report-item-right-rectification = Right to rectification
report-item-right-erasure = Right to erasure
report-item-right-restriction = Right to restrict processing
report-item-right-objection = Right to object
report-item-right-portability = Right to data portability
report-item-withdraw-consent = Right to withdraw consent
report-item-complain = Right to complain to the Information Commissioner
report-item-requirement = Whether providing the data is required, and what follows if not
report-item-sources = Source of the data
report-item-automated-decisions = Automated decision making, including profiling

## Linked data (JSON-LD)

jsonld-ico-registration = ICO registration { $registration }
consent-record-method = A box ticked on the paper form, which is then signed and dated
consent-record-status = Blank until the signed form comes back: ConsentGiven if the box is ticked, ConsentRefused if it is left empty, with the date it was signed
consent-record-no-choices = This form has no consent choices: signing it does not give consent to anything

## NoticeKind
notice-kind-main = Main privacy notice
notice-kind-supplementary = Supplementary privacy notice
notice-kind-summary = Summary of a privacy notice
notice-kind-service = Privacy notice for a service
notice-kind-printed-form = Privacy notice signed on paper

## Relation
relation-read-alongside = Read this notice alongside
relation-summarises = This notice summarises
relation-additional-notice = Additional notice
relation-full-notice = Full privacy notice
relation-further-information = Further information

## DataSubjectKind
data-subject-kind-customer = Customers
data-subject-kind-member-of-public = Members of the public
data-subject-kind-visitor = Visitors
data-subject-kind-service-user = People using the service
data-subject-kind-child = Children
data-subject-kind-adult = Adults
data-subject-kind-vulnerable-person = People who may be vulnerable
data-subject-kind-participant = Participants
data-subject-kind-subscriber = Subscribers
data-subject-kind-member = Members of networks
data-subject-kind-employee = Employees

## ListName
list-name-purposes = purposes
list-name-data-categories = data categories
list-name-sources = sources
list-name-recipients = recipients

## OrganisationKind
organisation-kind-housing-association = Housing association
organisation-kind-charity = Charity
organisation-kind-local-authority = Local authority
organisation-kind-government-department = Government department
organisation-kind-public-body = Public body
organisation-kind-regulator = Regulator
organisation-kind-supervisory-authority = Data protection supervisory authority
organisation-kind-police = Police
organisation-kind-healthcare = Health care provider
organisation-kind-company = Company
organisation-kind-partnership = Partnership of public bodies
organisation-kind-other = Organisation

## PartyRole
party-role-controller = Data controller
party-role-joint-controller = Joint controller
party-role-processor = Processor
party-role-representative = UK representative

## Qualifier
qualifier-possible = Possibly
qualifier-occasional = Occasionally
qualifier-required-by-law = Only when the law requires it
qualifier-with-consent = Only with your consent
qualifier-opt-out = You can opt out
qualifier-not-exhaustive = This list is not complete

## ContactRole
contact-role-data-protection-officer = Data protection officer
contact-role-data-protection-team = Data protection team
contact-role-service-team = Service team
contact-role-support-worker = Support worker
contact-role-communications = Communications team
contact-role-sales = Sales team
contact-role-customer-service = Customer service
contact-role-general = General enquiries

## LawfulBasis
# A lawful basis in plain words, shown in headings, the summary and each purpose's lines; its `.article`
# is shown only in the full lawful-bases section, after the plain words. The words say no more than the
# basis means.
lawful-basis-consent = Your consent
    .article = UK GDPR Art. 6(1)(a)
lawful-basis-contract = A contract with you, or steps you ask for before one
    .article = UK GDPR Art. 6(1)(b)
lawful-basis-legal-obligation = A legal obligation we must meet
    .article = UK GDPR Art. 6(1)(c)
lawful-basis-vital-interests = Protecting someone's life
    .article = UK GDPR Art. 6(1)(d)
lawful-basis-public-task = A task in the public interest or our official functions
    .article = UK GDPR Art. 6(1)(e)
lawful-basis-legitimate-interests = Our legitimate interests
    .article = UK GDPR Art. 6(1)(f)

## PurposeKind
purpose-kind-service-provision = Providing the service
purpose-kind-contract-performance = Carrying out a contract
purpose-kind-account-management = Managing accounts
purpose-kind-payment-management = Managing payments
purpose-kind-debt-recovery = Recovering debts
purpose-kind-customer-care = Customer care
purpose-kind-communication = Communicating with people
purpose-kind-marketing = Marketing
purpose-kind-direct-marketing = Direct marketing
purpose-kind-public-relations = Publicity
purpose-kind-research = Research and insight
purpose-kind-service-improvement = Improving services
purpose-kind-service-analytics = Analysing how a service is used
purpose-kind-fraud-prevention = Preventing and detecting fraud
purpose-kind-crime-prevention = Preventing and detecting crime
purpose-kind-security = Keeping people and places safe and secure
purpose-kind-legal-compliance = Meeting legal and regulatory duties
purpose-kind-dispute-management = Handling complaints and legal claims
purpose-kind-identity-verification = Checking identity
purpose-kind-record-management = Keeping records
purpose-kind-statistics = Statistics and reporting
purpose-kind-personalisation = Fitting the service to the person
purpose-kind-event-management = Running events
purpose-kind-member-management = Running networks of members
purpose-kind-vital-interests = Protecting someone's life or health
purpose-kind-public-benefit = Community and public benefit

## PersonalDataKind
personal-data-kind-name = Name
personal-data-kind-birth-date = Date of birth
personal-data-kind-age = Age
personal-data-kind-address = Postal address
personal-data-kind-postcode = Postcode
personal-data-kind-contact = Contact details
personal-data-kind-email-address = Email address
personal-data-kind-telephone-number = Telephone number
personal-data-kind-identifier = Identifier
personal-data-kind-password = Password
personal-data-kind-household = Household
personal-data-kind-family = Family
personal-data-kind-financial = Financial
personal-data-kind-financial-account = Financial account
personal-data-kind-transaction = Transactions
personal-data-kind-ethnicity = Ethnic origin
personal-data-kind-religion = Religion
personal-data-kind-sexual-orientation = Sexual orientation
personal-data-kind-health = Health
personal-data-kind-disability = Disability
personal-data-kind-vulnerability = Support needs and vulnerability
personal-data-kind-picture = Photographs and images
personal-data-kind-voice-recording = Voice recordings
personal-data-kind-call-log = Call records
personal-data-kind-communication = Communications
personal-data-kind-interaction = Records of contact
personal-data-kind-opinion = Opinions and feedback
personal-data-kind-ip-address = IP address
personal-data-kind-browsing-behaviour = Pages visited
personal-data-kind-location = Location
personal-data-kind-vehicle-registration = Vehicle registration
personal-data-kind-professional = Job and professional details
personal-data-kind-preference = Preferences
personal-data-kind-criminal-offence = Criminal offences
personal-data-kind-criminal-conviction = Criminal convictions

## SpecialCategory
special-category-racial-or-ethnic-origin = Racial or ethnic origin
special-category-political-opinions = Political opinions
special-category-religious-beliefs = Religious beliefs
special-category-philosophical-beliefs = Philosophical beliefs
special-category-trade-union-membership = Trade union membership
special-category-genetic = Genetic data
special-category-biometric = Biometric data used to identify someone
special-category-health = Health
special-category-sex-life = Sex life
special-category-sexual-orientation = Sexual orientation

## Art9Condition
# As the lawful bases: the article only in the full sections, after the plain words.
art9-condition-explicit-consent = Explicit consent
    .article = UK GDPR Art. 9(2)(a)
art9-condition-employment-social-security = Employment, social security and social protection law
    .article = UK GDPR Art. 9(2)(b)
art9-condition-vital-interests = Vital interests where consent cannot be given
    .article = UK GDPR Art. 9(2)(c)
art9-condition-not-for-profit-body = Not-for-profit body
    .article = UK GDPR Art. 9(2)(d)
art9-condition-manifestly-public = Made manifestly public by the person
    .article = UK GDPR Art. 9(2)(e)
art9-condition-legal-claims = Legal claims
    .article = UK GDPR Art. 9(2)(f)
art9-condition-substantial-public-interest = Substantial public interest
    .article = UK GDPR Art. 9(2)(g)
art9-condition-health-social-care = Health or social care
    .article = UK GDPR Art. 9(2)(h)
art9-condition-public-health = Public health
    .article = UK GDPR Art. 9(2)(i)
art9-condition-archiving-research-statistics = Archiving, research and statistics
    .article = UK GDPR Art. 9(2)(j)

## Schedule1Condition
schedule1-condition-employment = Employment, social security and social protection (Sch. 1 para. 1)
schedule1-condition-health-social-care = Health or social care purposes (Sch. 1 para. 2)
schedule1-condition-public-health = Public health (Sch. 1 para. 3)
schedule1-condition-research = Research etc (Sch. 1 para. 4)
schedule1-condition-statutory-purposes = Statutory and government purposes (Sch. 1 para. 6)
schedule1-condition-administration-of-justice = Administration of justice (Sch. 1 para. 7)
schedule1-condition-equality-of-opportunity = Equality of opportunity or treatment (Sch. 1 para. 8)
schedule1-condition-preventing-unlawful-acts = Preventing or detecting unlawful acts (Sch. 1 para. 10)
schedule1-condition-protecting-the-public = Protecting the public (Sch. 1 para. 11)
schedule1-condition-regulatory-requirements = Regulatory requirements (Sch. 1 para. 12)
schedule1-condition-preventing-fraud = Preventing fraud (Sch. 1 para. 14)
schedule1-condition-support-for-disability = Support for people with a disability or medical condition (Sch. 1 para. 16)
schedule1-condition-counselling = Counselling (Sch. 1 para. 17)
schedule1-condition-safeguarding-children-and-at-risk = Safeguarding of children and of individuals at risk (Sch. 1 para. 18)
schedule1-condition-safeguarding-economic-wellbeing = Safeguarding of economic well-being (Sch. 1 para. 19)
schedule1-condition-insurance = Insurance (Sch. 1 para. 20)
schedule1-condition-criminal-consent = Consent, for criminal offence data (Sch. 1 para. 29)
schedule1-condition-criminal-vital-interests = Vital interests, for criminal offence data (Sch. 1 para. 30)
schedule1-condition-criminal-legal-claims = Legal claims, for criminal offence data (Sch. 1 para. 33)
schedule1-condition-criminal-substantial-public-interest = Substantial public interest conditions extended to criminal offence data (Sch. 1 para. 36)

## SourceParty
source-party-data-subject = given by you
source-party-third-party = from another person or organisation
source-party-controller = from our own staff and systems
source-party-public = from a public source

## CollectionMethod
collection-method-provided = Given to us
collection-method-observed = Observed or recorded
collection-method-inferred = Inferred
collection-method-derived = Derived from other data
collection-method-generated = Generated by our systems

## RecipientKind
recipient-kind-group-company = Companies in the same group
recipient-kind-contractor = Contractors working for us
recipient-kind-legal-adviser = Legal advisers
recipient-kind-agent = Agents acting for us
recipient-kind-landlord = Other landlords
recipient-kind-local-authority = Local authorities
recipient-kind-government-department = Government departments
recipient-kind-regulator = Regulators
recipient-kind-ombudsman = Ombudsman
recipient-kind-supervisory-authority = The Information Commissioner's Office
recipient-kind-courts = Courts
recipient-kind-police = Police
recipient-kind-emergency-services = Emergency services
recipient-kind-utility-company = Utility companies
recipient-kind-healthcare = Health care providers
recipient-kind-support-service = Support services
recipient-kind-partner = Partner organisations
recipient-kind-funder = Funders
recipient-kind-other = Other recipients

## TransferSafeguard
transfer-safeguard-uk-adequacy = UK adequacy regulations (DPA 2018 s. 17A)
transfer-safeguard-idta = International Data Transfer Agreement (IDTA)
transfer-safeguard-uk-addendum = UK Addendum to the EU standard contractual clauses
transfer-safeguard-binding-corporate-rules = Binding corporate rules
transfer-safeguard-public-authority-arrangement = Legally binding arrangement between public authorities (Art. 46(2)(a))
transfer-safeguard-derogation-explicit-consent = Art. 49 derogation: explicit consent
transfer-safeguard-derogation-contract = Art. 49 derogation: needed for a contract with the person
transfer-safeguard-derogation-public-interest = Art. 49 derogation: important reasons of public interest
transfer-safeguard-derogation-legal-claims = Art. 49 derogation: legal claims
transfer-safeguard-derogation-vital-interests = Art. 49 derogation: vital interests

## RetentionEvent
# Each event as a clause that reads after "after" and "until", said to the person ("12 years after your
# service with us ends").
retention-event-collection = it is collected or recorded
retention-event-end-of-service = your service with us ends
retention-event-end-of-project = the project ends
retention-event-end-of-contract = your contract with us ends
retention-event-end-of-tenancy = your tenancy ends
retention-event-last-contact = you were last in touch with us
retention-event-date-of-birth = your date of birth
retention-event-consent-withdrawn = you withdraw your consent
retention-event-no-longer-needed = it is no longer needed

## Disposal
disposal-delete = deleted
disposal-delete-or-destroy = deleted or securely destroyed
disposal-anonymise = anonymised

## Right
# A right's label, its article (shown in the full rights section only) and the few words the summary
# lists it by.
right-access = Right of access
    .article = UK GDPR Art. 15
    .short = see your information
right-rectification = Right to rectification
    .article = UK GDPR Art. 16
    .short = have it corrected
right-erasure = Right to erasure
    .article = UK GDPR Art. 17
    .short = have it deleted
right-restriction = Right to restrict processing
    .article = UK GDPR Art. 18
    .short = have its use restricted
right-portability = Right to data portability
    .article = UK GDPR Art. 20
    .short = take it to another organisation
right-objection = Right to object
    .article = UK GDPR Art. 21
    .short = object to its use
right-automated-decisions = Rights about automated decisions
    .article = UK GDPR Art. 22
    .short = rights about automated decisions
right-withdraw-consent = Right to withdraw consent
    .article = UK GDPR Art. 7(3)
    .short = withdraw your consent
right-complain = Right to complain to the Information Commissioner
    .article = UK GDPR Art. 77
    .short = complain to the Information Commissioner

## RequirementKind
requirement-kind-statutory = Required by law
requirement-kind-contractual = Required by a contract
requirement-kind-contract-prerequisite = Needed to enter into a contract
requirement-kind-needed-for-service = Needed to provide the service
requirement-kind-voluntary = Optional

## SecurityMeasure
security-measure-physical = Physical
security-measure-technical = Electronic and technical
security-measure-organisational = Managerial and organisational
security-measure-access-control = Access limited to those who need it
security-measure-identity-verification = Identity checks before discussing an account

## Signer
signer-data-subject = The person
signer-parent = Parent
signer-guardian = Guardian
signer-advocate = Advocate
signer-person-or-representative = The person, or a parent, guardian or advocate for them
signer-support-worker = Support worker
signer-witness = Witness

## The change log (changes.html)
changes-title = What changed: { $title }
changes-link = What changed in this notice
changes-intro = The versions of this notice, newest first, and what changed in each.
changes-back = Back to { $title }
changes-current = This version
changes-earlier = Earlier version
changes-committed = Recorded on
changes-first = The earliest version on record.
changes-none = Only the wording changed, or nothing a reader sees.
changes-caption = What changed since the version before
changes-item = What it is about
changes-change = Change
changes-class = Kind of change
changes-class-reconsent = Needs your consent
changes-class-notify = Material change
changes-class-editorial = Wording only
changes-legend = “Needs your consent” marks a new use of your information that relies on your consent: consent you gave before does not cover it. “Material change” marks a change you should be told about before it applies. “Wording only” marks a change in the words, not in what is done with your information.
