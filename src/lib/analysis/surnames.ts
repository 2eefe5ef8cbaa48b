// Surnames common in England and Wales across its communities, for telling a name from other capitalised words.
// From general knowledge of surname frequency (British and Irish, South Asian, African and Caribbean, Chinese,
// Vietnamese and Korean, Polish and Eastern European, Turkish and Kurdish, Somali, Southern European, Jewish, Arab
// and Iranian), written in lower case without accents except where a letter has no unaccented form ("yıldırım").
// A list, not a test: a surname missing from it is still found by the rules that read what is around a name.

/** Surnames that are seldom anything else: "Tendekai Morris", "the Okafors", "miss kowalczyk" are names. */
export const SURNAMES = new Set(
	`naidoo pillay govender moodley chetty padayachee abbasi abbott abdi abdirahman abdullah abdullahi abiodun acar acheampong acton adamczyk adams adamski addo adebayo
adekunle adeleke aden adeola adesina adewale adeyemi afolabi agarwal aggarwal agyeman agyemang ahmad ahmadi ahmed
ahn ahuja aidoo ainsworth aitken ajayi akande akhtar akinola akın alabi alam ali allen almeida alonso altun alvarez
alves amin amini amoah ampofo amponsah anand anderson andre andreou andrews andrzejewski annan ansah antunes antwi
anwar appiah appleby araujo armstrong arora arshad arslan asamoah asante ashraf ashton ashworth aslam aslan atherton
atkins atkinson austin avci avcı aydin aydın ayodele aziz azizi babatunde badu bae baek bailey bains baird bajaj bak
baker balogh balogun banerjee bannister baran barbieri barbosa barlow barnard barnett barrett bartlett barton bashir
basra bassi bates baxter becker beckford begum bello bennett benson bentley beresford bernstein bertrand berzins
bevan beynon bhatia bhatt bhatti bhogal bianchi bibi blackburn blackmore blackwood blair blake boakye boateng bogle
bonsu borkowski bose boswell bowden bowen bowers boyd boyle bradley bradshaw brady brar braun brennan brewster
briggs brissett broadbent brookes bruno bryan bryant buchanan buckley bui bullock bulut burgess burke burnett
burrell burrows burton butler butt byrne bywater cai cairns cameron campbell cao cardoso carmichael carr carroll
carter cartwright caruso carvalho casey castro catterall celik cerny cetin chadha chahal challinor chan chandarana
chapman charalambous charlton chatterjee chaudhary chaudhry chauhan cheema chen cheng cheung chikwanha chilton
chiwenga chmielewski cho choi chopra choudhury chowdhury christie christodoulou chukwu chung cieslak ciobanu clark
clarke clayton clements clifford coates cockburn codling coelho cohen coleman colley collier collins connolly connor
constantin constantinou conti conway cooke cooper coppola corbett correia coulson cowan cowell cox crane crawford
crossley crowe crowther cullen cunha cunningham curran curtis czarnecki czerwinski dabrowski dacosta dacres dahir
dalby daley dalton daly daniels dar darko dave davey davidson davies davis dawes dawson dearden delgado deluca
demetriou demir deng denton desai desantis devlin dhaliwal dhawan dhillon dholakia diaz dickens dickinson dickson
dinh dinu dixon djordjevic dlamini dobson dodd dodds dogan doherty dolan dominguez donkor donnelly donovan downes
doyle doğan draper drummond du duale dube dubey dubois duckworth duda dudek duffy dumitru duncan dunlop dunn dunne
duong dupont durand dutta dutton dvorak dyer eastwood eaton edmunds edwards egal egan ekinci elliott ellis elmi
emery erdogan erdoğan erskine esposito evans everett ewing eze ezeh fairclough farah farkas farnworth farooq farrell
farrow fashola faulkner feldman feng fenton fenwick ferguson fernandes fernandez ferreira fielding finnegan firth
fischer fitzgerald fitzpatrick flanagan fleming fletcher florea foley fonseca fontaine fontana forbes forster
forsyth fournier fowler frankland fraser friedman frimpong fuller fung gajewski gakhal galbraith gallagher galli
gallo gandhi garcha garcia gardner garrett gayle georgiou ghani gheorghe ghosh gibbons gibbs gibson gilbert
gillespie gilmore giordano girard gledhill glover glowacki goddard godfrey goldberg goldstein gomes gomez goncalves
gonzalez goodall gooden goodman goodwin gorman gorski gosal gosling gough gould grabowski graham greaves greco
greenberg greenwood gregory greig grewal griffith griffiths grimshaw guled guler gunn guo gupta gure guthrie
gutierrez gwilliam gwynne gyamfi güler haddad hadjimichael hadley haider haines halliday hamid hamill hamilton
hammersley hammond hampson hancock hanif hanley hanlon hanson haq haque harding hardy hargreaves harper harris
harrison hartley hartmann harvey harwood hashemi hassan hawkes hawkins haworth hayden haynes hayward healy hebden
hedley henderson hennessy hepworth herbert hernandez hersi hewitt heywood hicks higginbottom higgins hinds hirsi
hirst hoang hobbs hobson hodges hodgson hoffmann hofmann hogan holden holloway holmes holroyd holt hooper hopkin
hopkins hopkinson hoque horak horne horton horvath hossain hossein hosseini houghton howarth howe howell howells
hoyle hu huang hudson hughes humphrey humphreys humphries hurst hussain hussein hutchinson hutton huynh hwang
ibbotson ibekwe ibrahim iglesias ikenna ilic illingworth ilunga ingram ioannou ionescu iqbal ismail ivanov iyer
jablonski jackson jacobs jafari jagger jain jakubowski jama jamieson jamil jang jankauskas jankowski jansons jarrett
jarvis jasinski javed jaworski jefferies jeffrey jeffreys jenkin jenkins jennings jeon jiang jimenez johal johns
johnson johnstone jones joshi jovanovic jowett judd juhasz jung kabila kabongo kalinowski kalnins kamau kaminska
kaminski kane kang kaplan kapoor kara karaca karakaya karim karimi kariuki katz kaur kavanagh kay kaya kaye
kazlauskas kazmi kazmierczak keane kearney kearns keegan keeling kelly kelsall kemp kendall kennedy kenny kenworthy
kerr kershaw keskin khaira khalid khalil khan khanna khatun khumalo kidd kilburn kilic kim kirby kirk kirkham
kirkpatrick klein knott knowles koc koch kohler kohli kolodziej korkmaz kotecha kovacs kowalczyk kowalska kowalski
kozlowski koç krajewski krause krawczyk krishnan krol kruger kubiak kucera kucharski kular kumar kurt kwan kwarteng
kwiatkowski kwok kwon kyriacou kılıç lai laird lakhani lamont lang lange langley latif lau laurent lawrenson lawson
lawton leach leadbetter leckie lefebvre lehmann lennon leroy lester leung lewandowski li liang liepins lightfoot lim
lin lindley lindsay lis littlewood liu llewellyn llewelyn lloyd-jones lockwood lomax lombardi lombardo longo lopes
lopez lourenco lowe lu lucas lui lungu luo luthra ly lyons macdonald macfarlane machado maciejewski mackay mackenzie
mackintosh maclean macleod macmillan maguire mahmood mahmoud mahmud mahoney maier majewski mak makwana malhotra
malik malinowski mallinson malone mancini manku mann manu marciniak mariani marin marino markovic marques marriott
marsden marshall martin martinelli martinez martins masood matei mather matos matthews mayer mayhew mazur mazurek
mbatha mbeki mcallister mcbride mccabe mccall mccann mccarthy mccormack mcdermott mcdonald mcdonnell mcevoy mcewan
mcfadden mcfarlane mcgee mcgovern mcgowan mcgrath mcgregor mcguire mcintosh mcintyre mckay mckee mckenna mckenzie
mckeown mclaughlin mclean mcleod mcmahon mcmillan mcnamara mcneill mehra mehta mellor mendes menon mensah mercier
meredith merritt metcalfe meyer mia miah michalak michalski michel mihai millar milne milner mirza mishra mistry
mitchell mittal modi mohamed mohammad mohammadi mohammed mohamud mokoena molefe molina molloy molnar monteiro mooney
moore moorhouse moradi morales moran moreau moreira moreno moretti morgan morris morton mottram mounsey mowat moyo
mpofu mthembu mugabe mughal mukendi mukherjee muller munoz munro munteanu murphy murray mustafa mutua mwangi nagy
naik nair naqvi nash nasser natarajan navarro nawaz naylor ncube ndlovu needham nemeth neumann neves newby newman
newton ng ngo nguyen nicholls nichols nicholson nicolaou nikolic nistor nixon njoroge nkomo nkosi nkrumah nnamdi
nolan noor norris northcott novak novotny nowak nowakowski nunes nunez nur nuttall nwachukwu nwankwo nwosu o'brien
o'connor o'donnell o'donovan o'hara o'keefe o'neill o'reilly o'shea o'sullivan oakley obasi obiora ochieng odhiambo
odukoya oduya ofori ogbu ogden ogunbiyi ogundipe ogunleye ojo okafor okeke okon okonjo okonkwo okoro okoye oladipo
olaniyan olatunji oldfield oliveira oliver olszewski omar omondi onuoha onyango onyeka opoku oppong ormerod ortega
ortiz osborne osei osman ostrowski otieno outram owens owolabi owusu oyelaran oyewole ozdemir ozkan ozols ozturk
padgett palmer panayiotou panchal pandey pandya papadopoulos parekh parker parkes parkin parkinson parmar parry
partington patel paterson pavlovic pawlak pawlowski payne pearce pearson pemberton peng pennington pereira perez
perkins petrauskas petrov petrovic pham phan phillipps phillips pickering pickles pietrzak pilkington pillai pinder
piotrowski pires platt plummer polat pollard poole popa popescu popov powell powys pratt preece prentice priestley
pringle pritchard pritchett probert prochazka prosser prys pugh quaye quinn qureshi radcliffe radu rafiq rahimi
rahman rai ramirez ramos ramsay ramsden rana randall randhawa rankin rao rashid ratcliffe rathod raval rawal
rawlinson raynor raza reddy redfern rees regan rehman reid reilly reis rennie reynolds rezaei riaz ribeiro ricci
richards richardson rigby riley rinaldi ritchie rizvi rizzo roberts robertson robinson robson rocha rodrigues
rodriguez rogers romero roper rosen rosenberg ross rossi rothwell rousseau routledge rowe rowland rowlands rowley
roy rubio rudd ruiz ruparelia rushton russell russo rusu rutkowski ryan sabharwal sadeghi sadiq sadler sadowski
saeed sahin sahota saleh sampson samuels sanchez sanders sandhu sangha sanni santoro santos sanz sarkar sarpong
sarwar saunders sawicki saxena schafer schmidt schneider schofield scholes schroder schulz schwartz schwarz scott
seddon sehmi seo serrano sethi shackleton shafi shafiq shah shaikh shapiro sharma sharpe sharples shaw shea shearer
sheldon shelton shen sheppard sheth shipley sibanda siddiqui sidhu sikora sikorski silva simmonds simmons simoes
simon simpson sims simsek sinclair singh siu smirnov smith smithson snowden soares sobczak sohal sokolov sokolowski
solanki soni sousa sowerby spence srinivasan srivastava stan stankevicius steele stephens stephenson stepien stevens
stewart stoica stojanovic stringer sturgess su suarez subramanian sullivan sutherland svoboda syed sykes szabo
szczepanski szewczyk szulc szymanski takacs talbot talukdar tam tariq tas tasker tattersall tavares taylor taş
teixeira tekin tetteh thakkar thakur thind thompson thornton thorpe thwaites tian tierney tilley tiwari todd
tomaszewski tomlinson toms toor torres toth townsend tran tranter travis tripathi trivedi truong tsang tse tshibangu
tuck tucker turner tyler ucar uche uddin ugwu ullah unsworth urbanski uttley uçar varga varley vasiliauskas vaughan
vazquez verma vesely vieira virdi vitale vo vora vyas wadsworth wagner wainwright walczak walkden walker wallace
walmsley walsh walters wang wanjiku warburton wardle waring warner warsame wasilewski watkin watkins watson watt
watts weaver webb webster wei weiss welch werner whalley wheeler whelan whitaker whitehead whiteley whitlock
whittaker whitworth whyte wieczorek wilcox wilde wilk wilkes wilkins wilkinson wilks williams willis wilson
winterbottom wisniewska wisniewski withers witkowski wlodarczyk wojcik wolstenholme wong woodward woolley worrall
worthington wozniak wragg wright wroblewski wu wyatt wylie wynter wysocki xiao xie xu yao yates yeboah yeomans yeung
yildirim yildiz yilmaz yip yoo yoon younis yousaf yule yunus yusuf yıldırım yıldız zafar zajac zakrzewski zalewski
zaman zawadzki zeng zengin zhang zhao zheng zhou zhu zielinski zimmermann çelik çetin özdemir özkan öztürk şahin
şimşek`
		.split(/\s+/)
		.filter(Boolean)
);

/**
 * Surnames that are also ordinary words, places or organisations ("Young people", "Green spaces", "Ward 4", "Church
 * groups", "Bishop of Durham", "the Lloyds", "Milton Keynes" is not among them but Preston and Hayes are): they are
 * not taken on the list's word alone.
 */
export const AMBIGUOUS_SURNAMES = new Set(
	`akin archer ash ball banks barber barker barnes barrow bayram bell berry best birch bird bishop black blanco bolton
bond bonnet booth brewer bridge bromley brook brooks brown buckingham bull burns bush cannon carlisle carpenter
chamberlain chambers cheshire child chow church churchill cole colombo cook cope costa cotton council crawley crook
cross dale dang das day dean dennis derbyshire din dong douglas duke earl edge faith farmer ferrara ferrari field
fields finch fish fisher ford foster fox francis freeman friend frost fry gardener garner gee gentile gill glass
gordon grace grant gray green grey griffin hale hall han hart hay hayes heath henry hill hilton ho holland hong hope
howard hull hunt hunter hyde islam james john jolly jordan joy judge kent king kiss knight ko lad lam lamb lambert
lane law lawrence lee leigh leone levi levy lewis little lloyd long lord love lynch major marsh martini mason may
meadows medina messina miles mill miller mills moon morel morley morrison moss nelson noble norton obi owen page pan
parish park parsons peacock perry pinto pop pope porter potter pound power preston price prince read rhodes rich
richter romano rose roux sage said salami salem salt savage sen senior serra sharp sheikh shepherd sherwood shin
shire skinner slack slater smart son song southern spencer stafford stanley stead stokes stone storey street sultan
summers sutton swift tailor tang tanner tate thatcher thomas trafford tudor upton vincent wade wakefield walton ward
warren waters weber weir wells west white wild winter wolf wood woods yang young yuan zulu`
		.split(/\s+/)
		.filter(Boolean)
);
