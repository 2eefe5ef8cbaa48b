// First names common in England (adults and children born 1960-2005), for spotting named people in free text.
// Words that are also ordinary English ("Will", "May", "Bill") are listed apart: they count only after "called".
export const FIRST_NAMES = new Set(
	`aaliyah aaron abbie abby abdul abigail adam adrian agnes ahmed aidan aimee aisha alan alana alex alexander alexandra
alfie ali alice alicia alison amanda amber amelia amir amy andrea andrew andy angela angus anita ann anna anne annette
anthony antony archie arthur ashley aston barbara barry becky ben benjamin beth bethany beverley billy bob bobby
bradley brandon brenda brett brian bridget brooke bryony callum calum cameron carl carla carly caroline carrie casey
catherine cerys charlene charles charley charlie charlotte chelsea cheryl chloe chris chrissie christina christine
christopher ciara claire clare colin connor conor courtney craig dale damian damien daniel danielle danny darren dave
david davinder debbie deborah debra declan demi denise dennis derek diane dominic donna doreen dorothy dylan eddie
edward eileen elaine eleanor elizabeth ella ellie elliot elliott emily emma eric erin ethan evan evie farah fatima
fiona frances francesca freddie freya gail gareth gary gavin gemma geoff geoffrey george georgia gerald gillian gina
glenn gordon graham greg gregory gurpreet hannah harley harriet harrison harry hassan hayley heather helen henry holly
ian imogen imran isaac isabel isabella isabelle isla jack jackie jacob jade jake james jamie jan jane janet janice
jasmine jason jason jay jayden jean jeff jemma jennifer jenny jeremy jessica jill jim jimmy jo joan joanna joanne jodie
joe joel john johnny jon jonathan jordan joseph josh joshua joyce judith judy julia julie justin kaitlyn kamal karen
karl kate katherine kathleen kathryn katie kay kayleigh keith kelly kerry kevin kieran kim kimberley kirsty kyle
lacey laura lauren leah lee leanne leon lewis liam lily linda lindsay lisa liz lloyd logan lorraine louise lucy luke
lydia lynn lynne maisie malcolm mandy margaret maria marie marion martin martyn mary matt matthew maureen megan melanie
melissa michael michelle mick mike mohammed mohammad molly morgan muhammad nadia naomi natalie natasha nathan neil
niamh nicholas nick nicky nicola nicole nigel nina norman olivia oliver owen paige pamela patricia patrick paul paula
pauline pete peter philip phillip phoebe poppy priya rachael rachel rajesh rebecca reece rhys ricky richard rob
robert robin robyn roger ronald ross ruby russell ruth ryan sadie sally sam samantha samuel sandra sanjay sara sarah
scott sean shabana shane shannon sharon shaun sheila shelley shirley simon siobhan sonia sophie stacey stella stephanie
stephen steve steven stewart stuart susan suzanne tanya tara teresa terry thomas tim timothy tina toby tom tommy tony
tracey tracy trevor tyler valerie vanessa vicky victoria vincent wayne wendy william yasmin yvonne zac zach zoe zara
tariq deepak nasreen parveen bilal kwame kofi chidi ngozi precious marcus darnell jermaine tremaine aleksandra piotr
bernadette felicity hamish ingrid marguerite chantelle tendai deshawn keira tia millie harvey reuben shanice tayla
lexi nevaeh kaden kacper jakub wojciech agnieszka katarzyna magdalena tomasz marek krzysztof zofia arjun rohan anjali
sunita rajinder harpreet manpreet jaspreet simran amrit kiran ravi vikram deepa asha meera nisha pooja reena sunil anil
ashok hardeep kuldeep sukhdev parminder balvinder ayesha zainab maryam khadija hamza usman yusuf ibrahim omar adnan
faisal asif nadeem shazia rukhsana samina tahir waqar zubair abdullah abdirahman mustafa samira layla amina hafsa
safiya chukwuemeka oluwaseun adebayo babajide chinedu ifeoma folasade funmilayo tunde kemi yetunde temitope abiola
kwabena akua efua abena tyrone leroy winston delroy marlon tanisha keisha latoya kemar jamal tyrell aoife aisling
saoirse ciaran cian oisin padraig sinead roisin caoimhe orla eoin seamus eamon eamonn dermot bronagh gwen gwyneth rhian
rhiannon sian bethan dafydd emyr gethin iwan ieuan aled carys ffion llinos nia osian fergus alasdair morag ailsa
catriona eilidh mhairi iain lachlan euan wei xiaoming anastasia natalia olga irina svetlana oksana dmitri ivan andrei
sergei mihai florin bogdan alina elena roxana zoltan janos lukas jonas ieva jessie kiera kayla kelsey kira libby lola
macy madison maddie mia mya neve rosie scarlett tegan tilly ashton brody caleb cody corey dexter ellis elijah ewan
finley finn frankie gabriel hayden jenson joey jude kai kian leo levi louie mason noah ollie oscar riley rory sonny
spencer theo tobias tristan zak jaden keegan kacey carole colette deirdre gaynor geraldine hilary jacqueline jacqui
janine jayne josephine julian kenneth lesley leslie lorna maxine moira nadine norma rosalind sheena sylvia theresa
ursula veronica vivienne yvette clive desmond douglas duncan felix gerard howard hugh hugo jeffrey lawrence leonard
maurice nathaniel neville quentin ralph raymond rodney roland rupert sidney stanley terence wilfred francis penelope
imelda bailey demetrius jonno ayaan aarav reggie stevie lenny kyra amira jamila nasima rehana tasneem shamima
bronwen eleri owain lowri ceri geraint huw ioan seren grainne darragh ronan fionn harjinder jaswinder manjit
sukhwinder amarjit kuldip navdeep vijay ishaan nikhil neha shilpa farzana tahira mariam irfan kamran shahid
arif naveed waqas amara chioma adaeze obinna emeka femi folake akosua vusi thabo sipho themba nomvula zanele
lindiwe tatenda farai nyasha tafadzwa abdi abdullahi mohamed hodan hibo ayan fadumo halima faduma sahra ifrah
deeqa ewa malgorzata monika marta dorota beata pawel mateusz lukasz grzegorz andrzej nikolai tatiana milena
jana lenka petra ionut ioana raluca adriana keeley tasha marcia jerome errol dwayne kareem malik kiara
philomena assumpta majella gaz daz baz kez bev pam val viv jen jess kath cath steph becca mel fran gill tash jules
ade ayo bukola bisi dayo funmi gbenga kunle lola seun segun sola tayo tobi tolu wale yemi chidinma chiamaka nkechi
nneka uchenna chinonso kelechi amaka ebuka tochukwu ikenna kwesi kojo yaw ama adjoa esi akosua nana
kasia gosia basia zosia tomek kuba bartek
kayden kaiden brayden aiden tyreece tyrese rasheed kemal mehmet ahmet murat emre burak hakan serkan kerem cem onur
hasan huseyin hüseyin osman ismail ramazan erdem volkan baris barış umut deniz ercan ayse ayşe fatma emine hatice
zeynep elif merve esra busra büşra derya gulsen hulya leyla songul sevgi sibel tugba yasemin dilan berivan rojda
zilan azad baran rojhat serhat kenan ozan orhan cengiz kev trev shaz chaz jez jonny tez lou mairead maire aoibhinn
clodagh eimear orlaith sorcha fiachra cathal colm donal padraic tadhg ruairi eoghan kezia keziah alistair alastair
ambrose barney bernard bertie brendan bruce byron carlton cecil conrad cyril damon darrel darryl donald donovan
duane edgar edmund edwin emmanuel ernest eugene ezra glyn godfrey gregor gus harold herbert horace humphrey ivor
jared jarrod jeremiah jesse jonah josiah julius kane kenny kristian kurt laurence lionel louis lucas luca malachi
marco mario melvin mervyn milo monty niall nico noel otis percy phil quinn randolph reginald rex ricardo robbie
ronnie rufus sebastian seth solomon stefan sylvester ted terrence theodore tyson vernon walter wesley xavier zachary
zain zane zayn alisha alesha alexis alyssa amelie angelina annabel annabelle antonia ava beatrice bella billie
brianna caitlin caitlyn carmen cassie cassandra catrina celia charis chantal cherie cheyenne clara clarissa connie
cora darcey darcy delilah dominique edith elise eliza eloise elsie emilia esme eva evelyn faye gabriella
gabrielle georgina gloria gracie greta hailey hattie heidi helena hollie ida isobel jaime josie julianne juliet kara
karina kasey katy katrina keely kristina lara leila lena lilly lillie lois lottie lucia lucinda luna lyla mabel
madeleine madeline maisy margot marsha martha matilda maya mildred millicent miriam mollie nancy nell nellie nora
norah ophelia peggy philippa pippa polly priscilla queenie rachelle rebekah rita roberta rochelle romilly rosa
rosalie rowena roxanne sabrina sasha selina serena shauna sheryl sienna sofia sonya stacy susie suzie sybil tamara
tamsin thea tiffany toni trudy una vera wanda winifred yasmine zoey aamir abid adeel afzal aftab ajay akash akbar
aleena amar anila anjum aqsa asma atif azhar azra babar bushra farhan farida faizan fahad faiza ghazala habib hamid
hanif haris harun hina humera iqra ishaq javed junaid kashif khalid komal laila lubna madiha majid mansoor mehreen
mehwish misbah mobeen mukhtar nabila nasir nazia noman nusrat pervez qasim rabia rafiq raheel rahul rakesh ramesh
ranjit rashida rizwan rubina saba sabir sadia saima sajid salma sameer sana sanjeev saqib shabnam shahida shakeel
shamim shazad sobia sohail suleman sumaira tabassum talha tanveer tauseef uzma wasim yasir zahid zaheer zohaib
amandeep baljit gurdeep gurinder gurmit harjit inderjit jagdeep jasbir jaswant kamaljit kulwant mandeep narinder
navjot pardeep paramjit rajvinder ravinder sarbjit satnam sukhjinder surinder tejinder daljit hardip arun ashwin
bhavesh chetan dinesh divya falguni geeta gita hemant hitesh jayesh jignesh kalpesh ketan kishan krishna mahesh
manisha minesh mitesh naresh nilesh nitin pankaj paresh prakash pravin preeti priti pritesh rajan rakhi rekha rupa
sachin sapna seema shreya shweta smita suresh tejal usha vaishali vinod vipul yogesh jahangir khaled mizanur rahima
shahidul shahana shamsul tahmina abdikarim abdirizak abdiwali hamdi hawa ilhan istahil khadra liban muna nimo ubah
sagal warsan zamzam abimbola adaora ademola adunni bolaji chibuike chinwe chuka damilola dapo ebere efe ejike eniola
ese funke ikechukwu ifeanyi jide kayode kehinde lanre modupe nnamdi oladele olamide olu olufemi olumide
oluwatobi omolara onyinye rotimi sade seyi shola taiwo titilayo tomiwa uzoma yinka kwaku kwadwo afia
afua adwoa yaa tendekai tinashe tapiwa rutendo rudo chipo fadzai kudzai munashe ruvimbo simba tonderai wanjiru njeri
akinyi achieng atieno andre antoine fitzroy garfield lennox sharmaine shereen yolanda aleksander aneta bartosz
bartlomiej daria dawid dominika edyta elzbieta filip gabriela hubert iwona izabela jacek jadwiga janusz jaroslaw
justyna kamil kamila karol karolina klaudia krystyna leszek maciej marcin mariusz michal milosz oliwia oskar patryk
paulina przemyslaw radoslaw renata rafal slawomir stanislaw szymon urszula weronika wiktoria witold zbigniew zuzanna
mantas tomas darius rokas gintare egle ruta andreea alexandru catalin cristian cristina daniela georgiana ionela
mihaela marius ovidiu vasile valentin arben besnik blerta dritan erion ilir alexei anya boris dasha katya masha
misha pavel vladimir yuri yulia jing ying hui xiao huong thuy linh minh tuan thanh trang hoa ngoc phuong quang duc
anh hanh lan`
		.split(/\s+/)
		.filter(Boolean)
);

export const AMBIGUOUS_NAMES = new Set(
	'will may mark bill grace hope faith joy rose june april august dawn frank sue pat rob guy dean carol amber holly ruby crystal jack chase drew ray miles max summer sky skye paris destiny mercy blessing patience autumn glen jasper lance teddy troy victor warren bonnie daisy dolly fern flora hazel honey iris ivy melody olive patsy pearl penny rosemary savannah violet willow'.split(
		' '
	)
);
