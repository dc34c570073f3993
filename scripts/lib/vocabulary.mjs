/**
 * @file Vocabulary of the realistic benchmark corpus (scripts/gen-synthetic.mjs): the site's
 * categories and subcategories with their share of decisions, topic words and phrases for each,
 * the general vocabulary of complaint handling, and function words. Shares are rough figures
 * from the Ombudsman's annual reviews (adult care, children and education about half of all
 * decisions); names follow the site's current labels as the fixture pages show them, plus the
 * older "Corporate and other services".
 */

/** [category, share, category words, { subcategory: [share, topic words] }] */
export const CATEGORIES = [
  ['Adult care services', 0.2, 'care needs carer social worker care provider personal budget direct payments occupational therapist mental capacity best interests', {
    'Assessment and care plan': [0.3, 'care plan needs assessment care and support plan eligible needs Care Act 2014 reassessment support plan care package carer assessment'],
    'Charging': [0.2, 'financial assessment charges deferred payment agreement top up fee deprivation of assets disability related expenditure contribution invoice arrears'],
    'Residential care': [0.2, 'care home residential care nursing home resident home manager falls pressure sores medication records room deposit third party top up'],
    'Domiciliary care': [0.12, 'home care carers visits missed visits rota call times homecare agency double handed calls'],
    'Safeguarding': [0.1, 'safeguarding adult safeguarding enquiry section 42 enquiry safeguarding referral vulnerable adult abuse neglect strategy meeting'],
    'Disabled facilities grants': [0.08, 'disabled facilities grant adaptations stairlift level access shower extension grant approval contractor means test'],
  }],
  ["Children's care services", 0.13, 'child children social care parents family social worker looked after child in need children\'s services assessment', {
    'Child protection': [0.3, 'child protection plan child protection conference strategy discussion section 47 enquiry core group risk of significant harm'],
    'Friends and family carers': [0.15, 'kinship carer special guardianship order special guardianship allowance connected person fostering allowance placement'],
    'Looked after children': [0.2, 'looked after child care leaver pathway plan personal adviser leaving care foster placement independent reviewing officer'],
    'Disabled children': [0.15, 'short breaks disabled children team respite direct payments care package transition'],
    'Other': [0.2, 'child in need plan child and family assessment early help private fostering section 17 statutory complaints procedure stage 2 independent investigator'],
  }],
  ['Education', 0.13, 'school pupil parents headteacher education academy SENCO term', {
    'Special educational needs': [0.55, 'EHC plan education health and care plan EHC needs assessment SEN tribunal special educational provision annual review educational psychologist speech and language therapy'],
    'School admissions': [0.2, 'admission appeal appeal panel oversubscription criteria catchment area admissions authority clerk to the panel'],
    'School transport': [0.15, 'home to school transport statutory walking distance nearest suitable school travel assistance bus pass transport appeal'],
    'Alternative provision': [0.1, 'alternative provision exclusion section 19 duty missing education tuition part time timetable medical needs'],
  }],
  ['Housing', 0.11, 'housing tenant tenancy landlord property accommodation housing officer', {
    'Homelessness': [0.45, 'homelessness homeless application temporary accommodation bed and breakfast main housing duty relief duty prevention duty personalised housing plan suitability review section 202 review priority need'],
    'Allocations': [0.35, 'housing register allocations scheme banding medical priority bidding overcrowding housing needs register choice based lettings'],
    'Council houses': [0.2, 'repairs damp and mould disrepair leaseholder service charges housing management'],
  }],
  ['Planning', 0.09, 'planning planning officer development application neighbour site', {
    'Planning applications': [0.6, 'planning permission planning application extension neighbouring property overlooking loss of light officer report planning committee material planning considerations'],
    'Enforcement': [0.3, 'planning enforcement breach of planning control enforcement notice expediency unauthorised development'],
    'Building control': [0.1, 'building regulations building control inspection completion certificate'],
  }],
  ['Benefits and tax', 0.08, 'benefit tax account liability bill arrears', {
    'Council tax': [0.55, 'council tax council tax reduction liability order enforcement agents bailiffs summons single person discount band valuation office'],
    'Housing benefit and council tax benefit': [0.3, 'housing benefit overpayment backdating claim evidence universal credit rent'],
    'COVID-19': [0.15, 'grant business grant covid payment self isolation payment eligibility'],
  }],
  ['Environment and regulation', 0.07, 'environmental health officer residents licence', {
    'Refuse and recycling': [0.35, 'bin collection missed collections recycling assisted collection waste contractor garden waste'],
    'Noise': [0.25, 'noise nuisance statutory nuisance noise abatement notice noise diary monitoring equipment'],
    'Antisocial behaviour': [0.2, 'antisocial behaviour community trigger case review police community protection notice'],
    'Licensing': [0.2, 'premises licence taxi licence licensing committee licensing officer hackney carriage'],
  }],
  ['Transport and highways', 0.06, 'road highway traffic vehicle', {
    'Parking and other penalties': [0.45, 'penalty charge notice parking enforcement traffic penalty tribunal blue badge permit clamping'],
    'Highway repair and maintenance': [0.35, 'pothole highway inspection footway defect insurance claim highway authority section 58'],
    'Traffic management': [0.2, 'traffic regulation order speed humps road closure consultation'],
  }],
  ['Other Categories', 0.09, 'councillor officer monitoring officer corporate', {
    'Councillor conduct and standards': [0.4, 'code of conduct standards committee monitoring officer independent person councillor conduct'],
    'Land': [0.3, 'land boundary access footpath public right of way trees'],
    'Other': [0.3, 'data protection freedom of information unreasonable complainant policy contact restrictions'],
  }],
  ['Corporate and other services', 0.04, 'corporate services contract procurement', {
    'Cemeteries and crematoria': [0.4, 'burial grave memorial cemetery crematorium bereavement services'],
    'Elections and electoral registration': [0.3, 'electoral register polling station postal vote canvass'],
    'Other': [0.3, 'complaints procedure customer services corporate complaints'],
  }],
];

/** Words of complaint handling, roughly commonest first (Zipf-weighted by rank). */
export const GENERAL = `complaint council fault injustice decision said told information complained evidence records
officer officers process policy guidance law should would could failed delay delayed delays letter email
response responded action actions agreed apologise apology payment pay remedy distress uncertainty
time trouble investigation investigated considered consider found finding findings view reasonable
reasonably acted properly proper correct correctly error explained explain explanation meeting meetings
contact contacted phone call visit visited report reports review reviewed reviewing provide provided
provision service services support supported request requested requests refused refusal accepted
accept decided deciding manager team staff worker workers date dates month months week weeks year years
period weeks later earlier before after during since following previous current original new further
concern concerns concerned issue issues matter matters problem problems difficulty difficulties
circumstances situation case cases record note notes file documents document copy copies paperwork
procedure procedures practice practices standard standards duty duties legal legislation statutory
regulation regulations section sections act code required require requirement requirements
responsibility responsible failure failures failing missed lost wrong wrongly unreasonable unreasonably
appropriate inappropriate significant significantly serious seriously likely unlikely possible impossible
able unable clear unclear whether however therefore although because while until unless also again
still already only just even then now often usually sometimes never ever
change changes changed changing improve improvement improvements ensure remind reminder training
lessons learnt learned share shared sharing discuss discussed discussion explain explained listen
outcome outcomes result results effect impact affected affect caused cause causing suffered frustration
anxiety stress upset inconvenience avoidable unnecessary additional extra full partial part
amount sum cost costs money refund fees fee charge charged charging paid owed owe due balance
assessment assess assessed reassess needs need needed needing provide arrange arranged arrangements
plan plans planned planning review timescale timescales deadline deadlines target targets
manager director head senior chief executive member members panel committee board
person people individual family relative relatives partner son daughter mother father husband wife
home house address property area local community neighbour neighbours street road town
health medical doctor hospital nurse GP condition disability disabled illness mental physical
letter letters correspondence reply replied acknowledge acknowledged chase chased chasing escalate escalated
stage stages formal informal first second final initial opportunity draft comments commented
satisfied dissatisfied unhappy happy pleased welcomed apologised accepted rejected disputed disagree disagreed
important importance relevant irrelevant detail detailed details specific general particular particularly
approach approached considered consideration account weight weighed balance judgement professional
investigate investigator ombudsman remit jurisdiction power powers discretion discretionary`.split(/\s+/);

/** English function words, commonest first. */
export const FUNCTION = `the to of and a in that was it for not he she her his is on with as by this be had have
at from has they an or which were been would there their but its we if when all also i what any
them my who about should can could will may must did more no our him into only than other such
up out some so these those because then do does after before over under between each both`.split(/\s+/);

/** Council names as the site gives them (largest first: they have the most decisions). */
export const COUNCILS = `Birmingham City Council|Kent County Council|Leeds City Council|Essex County Council|Lancashire County Council|Hampshire County Council|Surrey County Council|Manchester City Council|Norfolk County Council|Hertfordshire County Council|Cornwall Council|Devon County Council|Nottinghamshire County Council|Sheffield City Council|Bradford Metropolitan District Council|Liverpool City Council|Staffordshire County Council|Derbyshire County Council|Lincolnshire County Council|Suffolk County Council|Bristol City Council|West Sussex County Council|East Sussex County Council|Buckinghamshire Council|Cheshire East Council|Cheshire West and Chester Council|Wiltshire Council|Durham County Council|Somerset Council|Kirklees Council|Leicestershire County Council|Northumberland County Council|Oxfordshire County Council|Cambridgeshire County Council|Worcestershire County Council|Shropshire Council|Wirral Metropolitan Borough Council|Wakefield Metropolitan District Council|Doncaster Metropolitan Borough Council|Sandwell Metropolitan Borough Council|Coventry City Council|Leicester City Council|Nottingham City Council|Stoke-on-Trent City Council|Plymouth City Council|Southampton City Council|Portsmouth City Council|Brighton & Hove City Council|Milton Keynes City Council|Peterborough City Council|Sunderland City Council|Newcastle upon Tyne City Council|Salford City Council|Wolverhampton City Council|Derby City Council|London Borough of Camden|London Borough of Hackney|London Borough of Lambeth|London Borough of Southwark|London Borough of Croydon|London Borough of Barnet|London Borough of Enfield|London Borough of Newham|London Borough of Haringey|London Borough of Tower Hamlets|London Borough of Lewisham|London Borough of Ealing|London Borough of Brent|London Borough of Islington|Royal Borough of Greenwich|Royal Borough of Kingston upon Thames|Westminster City Council|Medway Council|Bolton Council|Stockport Metropolitan Borough Council|Wigan Council|Rochdale Borough Council|Oldham Council|Tameside Metropolitan Borough Council|Rotherham Metropolitan Borough Council|Barnsley Metropolitan Borough Council|Calderdale Metropolitan Borough Council|Gateshead Council|North Tyneside Council|Middlesbrough Council|Hartlepool Borough Council|Darlington Borough Council|Swindon Borough Council|Reading Borough Council|Luton Borough Council|Slough Borough Council|Thurrock Council|Torbay Council|Blackpool Council|York City Council|Bath and North East Somerset Council|Herefordshire Council|Rutland County Council|Isle of Wight Council|Colchester City Council|Canterbury City Council|Maidstone Borough Council|Basildon Borough Council|Ipswich Borough Council|Cherwell District Council|South Cambridgeshire District Council|East Devon District Council|Harrogate Borough Council|Tewkesbury Borough Council`.split('|');

/** Syllables for the long tail: street, school and care home names, surnames. */
export const SYLLABLES = 'ash brook field mead ow view hol ly grange stan ton wood ley bur ham ford well cliff dale thorn by mar ket rid ge wick shaw croft hurst combe den gate hill lea more north south west east kings queens park vale mill bridge'.split(' ');
export const TAIL_KINDS = ['Road', 'Street', 'Lane', 'Close', 'School', 'Academy', 'House', 'Court', 'Lodge', 'Surgery', 'Primary School', 'Care Home'];
