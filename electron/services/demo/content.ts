// Plausible Norwegian text for the generated applications, per focus area. Invented, not IMDi's project texts:
// the award list gives only recipient, title and amount. `{place}` is the municipality, `{title}` the project.
import type { FocusAreaNumber } from '../../../shared/package/schema';

interface FocusAreaContent {
  summaries: readonly string[];
  goals: readonly string[];
  targetGroups: readonly string[];
  priorityThemes: readonly string[];
  evaluationPlans: readonly string[];
}

const COMMON_EVALUATION = [
  'Prosjektet evalueres av en ekstern fagperson med en følgeevaluering: oppstartsnotat, statusrapport per 01.09.2021 og sluttrapport med anbefalinger til andre kommuner.',
  'Vi måler progresjon for hver deltaker ved oppstart, etter seks måneder og ved avslutning, og sammenligner med en gruppe fra tidligere kull. Resultatene samles i en veileder som deles på kommunens nettsider.',
  'Prosjektgruppen fører logg over aktiviteter og resultater. Deltakere og samarbeidspartnere intervjues to ganger, og erfaringene oppsummeres i en sluttrapport til IMDi.',
];

export const FOCUS_AREA_CONTENT: Record<FocusAreaNumber, FocusAreaContent> = {
  1: {
    summaries: [
      '{place} kommune vil gi deltakere som har fullført tre år i introduksjonsprogrammet et fjerde år med utdanningsrettede tiltak. «{title}» gir et sammenhengende løp mot fullført videregående opplæring eller fagbrev, forankret i den individuelle planen.',
      'Gjennom «{title}» prøver {place} kommune ut et forlenget kvalifiseringsløp (år 4) der deltakerne fortsetter i formell opplæring uten avbrudd. Kommunen dekker stønad ut over 1G med egne midler.',
      'Prosjektet «{title}» skal vise hvordan et fjerde år med utdanningsrettede tiltak øker andelen som fullfører formell kompetanse. Tiltaket bygger på kommunens erfaring med kombinasjonsklasser og samarbeid med fylkeskommunen.',
    ],
    goals: [
      'Minst 70 % av deltakerne fullfører fag i videregående opplæring i løpet av året',
      'Overgang fra år 3 til år 4 skjer uten avbrudd for alle deltakere',
      'Hver deltaker har en oppdatert individuell plan med mål for år 4',
      'Utvikle en modell for forlenget kvalifiseringsløp som andre kommuner kan ta i bruk',
      'Styrke samarbeidet mellom voksenopplæringen, NAV og fylkeskommunen om formell kompetanse',
    ],
    targetGroups: [
      'Deltakere som har fullført det tredje året i introduksjonsprogrammet og trenger ett år til for å fullføre et utdanningsløp.',
      'Flyktninger i {place} som avslutter år 3 i introduksjonsprogrammet våren 2021 og er i gang med videregående opplæring.',
    ],
    priorityThemes: ['Utdanningsrettede tiltak', 'Formell kompetanse'],
    evaluationPlans: COMMON_EVALUATION,
  },
  2: {
    summaries: [
      '{place} kommune inngår et samarbeid med en sosial entreprenør om arbeidsrettet kvalifisering. «{title}» gir deltakerne arbeidstrening i en reell virksomhet med tett oppfølging og norskopplæring knyttet til arbeidet.',
      'I «{title}» prøver kommunen ut en modell der en sosial entreprenør tar inn deltakere fra introduksjonsprogrammet i betalt praksis. Innvandrerkvinner med lite arbeidserfaring er prioritert.',
      'Prosjektet «{title}» kombinerer opplæring, arbeidspraksis og mentorordning hos en sosial entreprenør. Målet er ordinært arbeid eller utdanning etter endt løp.',
    ],
    goals: [
      'Minst halvparten av deltakerne er i arbeid eller utdanning seks måneder etter avsluttet løp',
      'Innvandrerkvinner utgjør minst to tredjedeler av deltakerne',
      'Deltakerne oppnår dokumentert arbeidserfaring og referanser',
      'Utvikle en samarbeidsavtale med sosiale entreprenører som kan brukes av andre kommuner',
    ],
    targetGroups: [
      'Innvandrerkvinner i introduksjonsprogrammet eller som mottar sosialhjelp, med lite formell utdanning og arbeidserfaring.',
      'Deltakere i introduksjonsprogrammet i {place} som står langt fra arbeidslivet, særlig kvinner.',
    ],
    priorityThemes: ['Innvandrerkvinner', 'Arbeidsrettet kvalifisering'],
    evaluationPlans: COMMON_EVALUATION,
  },
  3: {
    summaries: [
      '{place} kommune prøver ut arbeidsmåter i norskopplæringen der klasseromsundervisning og nettundervisning kombineres (blended learning). «{title}» bruker deltakernes språk som ressurs og digitale verktøy for å øke læringsutbyttet.',
      'Gjennom «{title}» utvikler voksenopplæringen i {place} et opplegg med flerspråklig støtte både i klasserommet og på nett, fulgt av en veileder fra universitets- og høgskolesektoren.',
      'Prosjektet «{title}» tester digitale ressurser i norskopplæringen og måler om de gir høyere læringsutbytte. Resultatene publiseres som veiledningsressurser for lærere.',
    ],
    goals: [
      'Deltakerne oppnår høyere resultater på norskprøven enn sammenlignbare kull',
      'Utvikle og publisere veiledningsressurser for lærere i voksenopplæringen',
      'Dokumentere hvordan flerspråklighet kan brukes som ressurs i opplæringen',
      'Prøve ut en fast modell for blended learning med minst to nettøkter i uken',
    ],
    targetGroups: [
      'Nyankomne innvandrere i introduksjonsprogrammet som deltar i opplæring i norsk og samfunnskunnskap.',
      'Voksne innvandrere med kort skolebakgrunn i norskopplæringen i {place}.',
    ],
    priorityThemes: ['Flerspråklighet som ressurs i opplæringen', 'Bruk av digitale verktøy og ressurser i opplæringen'],
    evaluationPlans: COMMON_EVALUATION,
  },
  4: {
    summaries: [
      '{place} kommune utvikler og prøver ut innholdselementer i introduksjonsprogrammet. «{title}» gir deltakerne et mer arbeidsrettet og tilpasset program i samarbeid med NAV og fylkeskommunen.',
      'Prosjektet «{title}» videreutvikler standardiserte elementer i introduksjonsprogrammet, med vekt på korte bransjekurs og livsmestring. Erfaringene deles med nabokommunene.',
      'Gjennom «{title}» prøver {place} kommune ut nye samarbeidsmodeller mellom kommunen, NAV og fylkeskommunen om innholdet i introduksjonsprogrammet.',
    ],
    goals: [
      'Økt andel deltakere i arbeid eller utdanning etter avsluttet introduksjonsprogram',
      'Etablere korte bransjekurs i samarbeid med lokale arbeidsgivere',
      'Prøve ut livsmestring i et nytt land som fast element i programmet',
      'Utvikle en samarbeidsmodell mellom kommunen, NAV og fylkeskommunen',
      'Dele verktøy og erfaringer gjennom IMDis fagressurs for introduksjonsprogrammet',
    ],
    targetGroups: [
      'Nyankomne innvandrere som deltar i introduksjonsprogrammet etter introduksjonsloven eller integreringsloven.',
      'Deltakere i introduksjonsprogrammet i {place} og samarbeidende kommuner.',
    ],
    priorityThemes: ['Livsmestring i et nytt land', 'Korte bransjekurs', 'Arbeid på deltid', 'Samarbeid mellom kommune, NAV og fylkeskommune'],
    evaluationPlans: COMMON_EVALUATION,
  },
  5: {
    summaries: [
      '{place} kommune prøver ut et støttende og forebyggende tilbud for nyankomne med psykiske helseutfordringer. «{title}» bygger på tverrfaglig samarbeid mellom helsetjenesten og introduksjonsprogrammet.',
      'Prosjektet «{title}» gir psykisk støtte gjennom arbeidsrettede aktiviteter og gruppetilbud, uten krav om henvisning fra lege. Helse- og kvalifiseringsaktører planlegger tiltaket sammen.',
      'Med «{title}» vil {place} kommune øke progresjonen i introduksjonsprogrammet for deltakere med psykiske plager, gjennom lavterskeltilbud og tett oppfølging.',
    ],
    goals: [
      'Deltakerne opplever bedre psykisk helse målt ved oppstart og avslutning',
      'Færre fraværsdager og avbrudd i introduksjonsprogrammet',
      'Etablere fast tverrfaglig samarbeid mellom helsetjenesten og flyktningtjenesten',
      'Kartlegge psykisk helse etter Helsedirektoratets veileder for helseundersøkelse',
    ],
    targetGroups: [
      'Nyankomne flyktninger og familiegjenforente som har hatt eller har psykiske helseutfordringer.',
      'Deltakere i introduksjonsprogrammet i {place} med lav progresjon på grunn av psykiske plager.',
    ],
    priorityThemes: ['Psykisk støtte', 'Tverrfaglig samarbeid'],
    evaluationPlans: COMMON_EVALUATION,
  },
  6: {
    summaries: [
      '{place} kommune utvikler en innovativ løsning i introduksjonsordningen. «{title}» prøver ut nye måter å organisere programmet på, tett på arbeidslivet.',
      'Prosjektet «{title}» tester en ny metode i opplæringen i norsk og samfunnskunnskap og i introduksjonsprogrammet, med digitale verktøy og arbeidsrettet innhold.',
      'Gjennom «{title}» vil {place} kommune gi nyankomne et mer fleksibelt og målrettet løp mot arbeid, utdanning eller egen virksomhet.',
    ],
    goals: [
      'Kortere vei til arbeid eller utdanning for deltakerne',
      'Utvikle et verktøy eller en metode som kan tas i bruk av andre kommuner',
      'Økt deltakertilfredshet og lavere frafall',
      'Dokumentere effekten med tall fra oppstart og avslutning',
    ],
    targetGroups: [
      'Nyankomne innvandrere som er omfattet av introduksjonsloven.',
      'Deltakere i introduksjonsprogrammet i {place} med mål om arbeid eller egen virksomhet.',
    ],
    priorityThemes: ['Innovasjon i introduksjonsordningen'],
    evaluationPlans: COMMON_EVALUATION,
  },
};

export const PREVIOUS_PROJECTS: readonly { title: string; description: string; fundedBy: string; outcome: string }[] = [
  {
    title: 'Jobbsjansen',
    description: 'Kvalifiseringsprogram for hjemmeværende innvandrerkvinner med arbeidspraksis og norskopplæring.',
    fundedBy: 'IMDi',
    outcome: '60 % av deltakerne gikk over til arbeid eller utdanning.',
  },
  {
    title: 'Kombinasjonsklasse i videregående opplæring',
    description: 'Samarbeid med fylkeskommunen om grunnskole og videregående opplæring for unge voksne.',
    fundedBy: 'Kommunen og fylkeskommunen',
    outcome: 'Modellen er videreført i ordinær drift.',
  },
  {
    title: 'Norsk med praksis',
    description: 'Språkpraksis i kommunale virksomheter med språkmentor på arbeidsplassen.',
    fundedBy: 'IMDi (tilskudd til utvikling av kommunale integreringstiltak)',
    outcome: 'Bedre resultater på muntlig norskprøve; veileder delt med nabokommuner.',
  },
  {
    title: 'Helsefagarbeider for voksne innvandrere',
    description: 'Fagbrevløp i helsearbeiderfaget med integrert norskopplæring.',
    fundedBy: 'Kompetanse Norge',
    outcome: '18 av 22 deltakere tok fagbrev.',
  },
  {
    title: 'Livsmestring i et nytt land',
    description: 'Gruppesamtaler om livsmestring på morsmål i introduksjonsprogrammet.',
    fundedBy: 'IMDi',
    outcome: 'Innført som fast innholdselement.',
  },
  {
    title: 'Digital norskopplæring under pandemien',
    description: 'Omlegging til nettundervisning med nettbrett og opplæring av deltakerne i digitale verktøy.',
    fundedBy: 'Kommunen',
    outcome: 'Erfaringene ligger til grunn for videre utprøving av blended learning.',
  },
];

export const SOCIAL_ENTREPRENEURS: readonly { name: string; businessModel: string; socialMission: string }[] = [
  {
    name: 'Mangfoldskjøkkenet',
    businessModel: 'Catering og kantinedrift for bedrifter og kommunen; overskudd går tilbake til opplæring.',
    socialMission: 'Gir innvandrerkvinner arbeidserfaring og fagbrev i kokkfaget.',
  },
  {
    name: 'Ombruksverkstedet',
    businessModel: 'Salg av reparerte møbler og klær, og oppdrag for kommunens gjenbruksstasjon.',
    socialMission: 'Skaper arbeidstrening og jobb for personer utenfor arbeidslivet.',
  },
  {
    name: 'Sy og Skap',
    businessModel: 'Produksjon og salg av tekstiler på oppdrag fra lokale butikker og hoteller.',
    socialMission: 'Arbeidsrettet kvalifisering for kvinner med lite formell utdanning.',
  },
  {
    name: 'Vikarbyrået Hverdag',
    businessModel: 'Vikartjenester til barnehager og skoler, fakturert per oppdrag.',
    socialMission: 'Gir innvandrere en første jobb og referanser i offentlig sektor.',
  },
];

export const SUPERVISOR_INSTITUTIONS: readonly { name: string; kind: 'university' | 'college' }[] = [
  { name: 'OsloMet – storbyuniversitetet', kind: 'university' },
  { name: 'Høgskulen på Vestlandet', kind: 'college' },
  { name: 'NTNU', kind: 'university' },
  { name: 'Universitetet i Sørøst-Norge', kind: 'university' },
  { name: 'Høgskolen i Innlandet', kind: 'college' },
  { name: 'Universitetet i Agder', kind: 'university' },
];

export const FIRST_NAMES: readonly string[] = [
  'Kari', 'Ingrid', 'Marte', 'Siri', 'Hanne', 'Amina', 'Leyla', 'Anne', 'Ole', 'Lars', 'Jonas', 'Håkon', 'Bjørn', 'Ahmed', 'Tor', 'Øystein',
];
export const LAST_NAMES: readonly string[] = [
  'Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Berg', 'Haugen', 'Dahl', 'Lie', 'Strand', 'Bakke', 'Sæther', 'Aasen', 'Moen',
];
