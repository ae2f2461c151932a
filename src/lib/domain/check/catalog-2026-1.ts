// The Digital-Check catalog, version 2026.1 (ADR 7): ten dimensions, items of the types R, L, F
// and C, each tagged with the perspectives that answer it.
//
// The content is our own wording, grounded in public models: the EU Digital Maturity Assessment for
// public bodies (one score per dimension), the OZG maturity model (levels 0–4, from information online to
// a fully digital procedure), CORA (plan – do – check – act: level 4 always means "measured and improved"),
// the DigiMeter (current vs. target state, the Soll per dimension lives in the result) and the KGSt size
// classes (items are worded so that a Samtgemeinde of 8,000 and a city of 100,000 can both answer).
//
// Level descriptors follow 0 nicht vorhanden → 1 initial → 2 geplant/Pilot → 3 etabliert → 4 gesteuert &
// optimiert, written for each item's topic; no descriptor text repeats anywhere in the catalog.
// Ids are stable: an item that changes its meaning in a later version gets a new id.
// Facts already held by the municipality profile (IT staff in FTE, IT operating model) are not asked again.

import type { Catalog } from './catalog-types';

export const CATALOG_2026_1: Catalog = {
	version: '2026.1',
	dimensions: [
		{
			id: 'strategie',
			title: 'Strategie & Steuerung',
			description:
				'Ob die Kommune ein gemeinsames Zielbild für die Digitalisierung hat, es mit Geld und Zuständigkeiten hinterlegt und den Fortschritt regelmäßig überprüft.'
		},
		{
			id: 'fuehrung',
			title: 'Führung, Kultur & Veränderung',
			description:
				'Wie Führungskräfte den digitalen Wandel vorleben, wie offen die Verwaltung für Neues ist und wie Veränderungen für die Beschäftigten begleitet werden.'
		},
		{
			id: 'prozesse',
			title: 'Prozesse & Organisation',
			description:
				'Ob Abläufe bekannt, beschrieben und vor der Digitalisierung vereinfacht werden, statt Papierwege nur elektronisch nachzubilden.'
		},
		{
			id: 'ozg',
			title: 'Digitale Verwaltungsleistungen & Service (OZG)',
			description:
				'Wie vollständig und nutzerfreundlich die Leistungen der Kommune online angeboten werden, vom Antrag mit Bürgerkonto bis zum digitalen Bescheid.'
		},
		{
			id: 'basisdienste',
			title: 'Interne Basisdienste & Fachverfahren',
			description:
				'Welche zentralen digitalen Werkzeuge wie E-Akte, E-Rechnung und Ratsinformationssystem im Einsatz sind und wie gut die Fachverfahren die Arbeit unterstützen.'
		},
		{
			id: 'infrastruktur',
			title: 'IT-Infrastruktur & Betrieb',
			description:
				'Wie zuverlässig und zeitgemäß Arbeitsplätze, Netze und Systeme sind und wie der IT-Betrieb organisiert ist, ob in eigener Hand oder über einen IT-Dienstleister.'
		},
		{
			id: 'sicherheit',
			title: 'Informationssicherheit & Datenschutz',
			description:
				'Wie die Kommune ihre Informationen und IT-Systeme schützt, auf Notfälle vorbereitet ist und personenbezogene Daten rechtssicher verarbeitet.'
		},
		{
			id: 'daten',
			title: 'Daten & Interoperabilität',
			description:
				'Ob Daten auffindbar, gepflegt und über Standardschnittstellen austauschbar sind, innerhalb der Verwaltung, mit anderen Behörden und als Open Data.'
		},
		{
			id: 'personal',
			title: 'Personal & Kompetenzen',
			description:
				'Ob die Verwaltung die digitalen Kompetenzen ihrer Beschäftigten aufbaut und die Fachkräfte gewinnt und hält, die sie für den Wandel braucht.'
		},
		{
			id: 'kooperation',
			title: 'Kooperation & Vernetzung',
			description:
				'Wie die Kommune mit Nachbarn, Landkreis, Land, IT-Dienstleistern und Zivilgesellschaft zusammenarbeitet, um Lösungen zu teilen statt alles allein zu bauen.'
		}
	],
	items: [
		// ── Strategie & Steuerung ────────────────────────────────────────────────────────────────────────
		{
			id: 'strategie.01',
			dimension: 'strategie',
			type: 'R',
			text: 'Gibt es eine beschlossene Digitalisierungsstrategie?',
			hint: 'Ein schriftliches Zielbild mit Handlungsfeldern und Maßnahmen, beschlossen von Verwaltungsspitze oder Rat.',
			perspectives: ['H', 'D', 'A', 'P'],
			levels: [
				'Es gibt weder eine Strategie noch ein schriftliches Zielbild für die Digitalisierung.',
				'Einzelne Vorhaben werden angestoßen, ein gemeinsames Zielbild fehlt noch.',
				'Eine Strategie ist in Arbeit oder liegt als Entwurf vor; Ziele und Handlungsfelder sind benannt.',
				'Die Strategie ist beschlossen, in der Verwaltung bekannt und wird mit konkreten Maßnahmen umgesetzt.',
				'Die Strategie wird anhand messbarer Ziele regelmäßig überprüft und fortgeschrieben.'
			]
		},
		{
			id: 'strategie.02',
			dimension: 'strategie',
			type: 'R',
			text: 'Wie ist die Steuerung der Digitalisierung organisiert?',
			hint: 'Zum Beispiel eine oder ein Digitalisierungsbeauftragte:r, eine Stabsstelle oder eine ämterübergreifende Lenkungsgruppe.',
			perspectives: ['H', 'D', 'A', 'P'],
			levels: [
				'Niemand ist ausdrücklich für die Digitalisierung zuständig.',
				'Digitalisierung läuft nebenher bei der IT oder bei einzelnen engagierten Personen.',
				'Eine Zuständigkeit oder Lenkungsgruppe ist eingerichtet; Befugnisse und Abläufe werden noch geklärt.',
				'Eine feste Stelle oder Lenkungsgruppe priorisiert die Vorhaben und entscheidet verbindlich.',
				'Die Steuerung führt ein Projektportfolio mit Kennzahlen und berichtet regelmäßig an Verwaltungsspitze und Rat.'
			]
		},
		{
			id: 'strategie.03',
			dimension: 'strategie',
			type: 'R',
			text: 'Wie wird die Digitalisierung im Haushalt geplant und finanziert?',
			perspectives: ['H', 'D', 'P'],
			levels: [
				'Im Haushalt sind für Digitalisierung keine eigenen Mittel vorgesehen.',
				'Mittel werden fallweise beantragt, wenn ein Vorhaben drängt.',
				'Ein eigenes Budget ist für das nächste Haushaltsjahr eingeplant oder wird erstmals erprobt.',
				'Digitalisierung hat ein festes Budget, das auch Folgekosten für Betrieb und Lizenzen umfasst.',
				'Das Budget folgt einer mehrjährigen Planung; Kosten und Nutzen der Vorhaben werden ausgewertet und Fördermittel gezielt eingeworben.'
			]
		},
		{
			id: 'strategie.04',
			dimension: 'strategie',
			type: 'L',
			text: 'Ich kenne die Ziele, die unsere Kommune mit der Digitalisierung verfolgt.',
			perspectives: ['H', 'D', 'A', 'B', 'PR', 'P'],
			reverse: false
		},
		{
			id: 'strategie.05',
			dimension: 'strategie',
			type: 'L',
			text: 'Digitalisierungsprojekte entstehen bei uns meist spontan, ohne erkennbare Prioritäten.',
			perspectives: ['H', 'D', 'A', 'B', 'PR', 'P'],
			reverse: true
		},
		{
			id: 'strategie.06',
			dimension: 'strategie',
			type: 'L',
			text: 'Der Rat wird regelmäßig und verständlich über den Stand der Digitalisierung informiert.',
			perspectives: ['H', 'D', 'P'],
			reverse: false
		},
		{
			id: 'strategie.07',
			dimension: 'strategie',
			type: 'L',
			text: 'Beschäftigte und Personalrat werden früh beteiligt, wenn Digitalisierungsvorhaben geplant werden.',
			perspectives: ['H', 'D', 'A', 'B', 'PR'],
			reverse: false
		},
		{
			id: 'strategie.08',
			dimension: 'strategie',
			type: 'C',
			text: 'Welche dieser Bausteine der Steuerung gibt es bereits?',
			perspectives: ['H', 'D', 'A', 'P'],
			options: [
				{ id: 'strategie', text: 'Beschlossene Digitalisierungsstrategie' },
				{
					id: 'zustaendigkeit',
					text: 'Benannte Zuständigkeit, z. B. Digitalisierungsbeauftragte:r'
				},
				{ id: 'lenkungsgruppe', text: 'Ämterübergreifende Lenkungs- oder Steuerungsgruppe' },
				{ id: 'budget', text: 'Eigenes Budget für Digitalisierung' },
				{ id: 'massnahmenplan', text: 'Maßnahmenplan mit Verantwortlichen und Terminen' },
				{ id: 'pflichten', text: 'Überblick über die Pflichten aus OZG und NDIG' },
				{ id: 'bericht', text: 'Regelmäßiger Fortschrittsbericht an den Rat' }
			]
		},
		{
			id: 'strategie.09',
			dimension: 'strategie',
			type: 'F',
			text: 'Welchen Anteil am Ergebnishaushalt haben die Ausgaben für IT und Digitalisierung ungefähr?',
			hint: 'Einschließlich Zahlungen an IT-Dienstleister, ohne Personal außerhalb der IT.',
			perspectives: ['H', 'D'],
			fact: {
				kind: 'band',
				bands: ['unter 1 %', '1 bis unter 2 %', '2 bis unter 3 %', '3 % und mehr']
			}
		},

		// ── Führung, Kultur & Veränderung ────────────────────────────────────────────────────────────────
		{
			id: 'fuehrung.01',
			dimension: 'fuehrung',
			type: 'R',
			text: 'Wie sichtbar unterstützt die Verwaltungsspitze die Digitalisierung?',
			perspectives: ['H', 'D', 'A', 'PR', 'P'],
			levels: [
				'Die Verwaltungsspitze äußert sich nicht zur Digitalisierung und setzt dort keine Schwerpunkte.',
				'Die Spitze befürwortet Digitalisierung, überlässt sie aber den Fachleuten.',
				'Die Spitze hat Digitalisierung zum Thema gemacht und erste Vorhaben selbst angestoßen.',
				'Die Spitze vertritt die Digitalisierung nach innen und außen und räumt Hindernisse aus dem Weg.',
				'Die Spitze verankert Digitalisierung in Zielvereinbarungen und Führungsrunden und lässt sich über die Wirkung berichten.'
			]
		},
		{
			id: 'fuehrung.02',
			dimension: 'fuehrung',
			type: 'R',
			text: 'Wie wird die Einführung neuer digitaler Verfahren für die Beschäftigten begleitet?',
			hint: 'Veränderungsmanagement: frühzeitige Information, Beteiligung, Schulung und Ansprechpersonen.',
			perspectives: ['H', 'D', 'A', 'B', 'PR'],
			levels: [
				'Neue Verfahren werden eingeführt, ohne die Betroffenen vorzubereiten.',
				'Betroffene werden kurz vor dem Start informiert; Fragen klären sich im Alltag.',
				'Für einzelne Vorhaben wird die Einführung mit Information und Schulung vorausgeplant.',
				'Jede größere Einführung hat einen Plan für Kommunikation, Beteiligung, Schulung und Ansprechpersonen.',
				'Erfahrungen aus jeder Einführung werden ausgewertet und verbessern das gemeinsame Vorgehen für die nächste.'
			]
		},
		{
			id: 'fuehrung.03',
			dimension: 'fuehrung',
			type: 'R',
			text: 'Wie geht die Verwaltung mit neuen Ideen und Experimenten um?',
			perspectives: ['H', 'D', 'A', 'B', 'PR'],
			levels: [
				'Neue Ideen haben keinen Ort und versanden meist.',
				'Engagierte Einzelne probieren Neues aus, oft ohne Rückendeckung.',
				'Erste Formate wie ein Ideenpostfach oder ein Pilotprojekt mit Freiraum zum Ausprobieren sind gestartet.',
				'Ideen werden gesammelt, bewertet und erprobt; Fehler gelten als Gelegenheit zu lernen.',
				'Erprobungsräume gehören fest zur Arbeit, und erfolgreiche Pilotprojekte werden planmäßig auf die ganze Verwaltung übertragen.'
			]
		},
		{
			id: 'fuehrung.04',
			dimension: 'fuehrung',
			type: 'L',
			text: 'Meine Führungskraft ermutigt mich, digitale Werkzeuge zu nutzen und Abläufe zu verbessern.',
			perspectives: ['A', 'B', 'PR'],
			reverse: false
		},
		{
			id: 'fuehrung.05',
			dimension: 'fuehrung',
			type: 'L',
			text: 'Neue Software wird bei uns eher als zusätzliche Belastung erlebt.',
			perspectives: ['H', 'D', 'A', 'B', 'PR'],
			reverse: true
		},
		{
			id: 'fuehrung.06',
			dimension: 'fuehrung',
			type: 'L',
			text: 'Bei uns heißt es oft: „Das haben wir schon immer so gemacht.“',
			perspectives: ['H', 'D', 'A', 'B', 'PR', 'P'],
			reverse: true
		},
		{
			id: 'fuehrung.07',
			dimension: 'fuehrung',
			type: 'L',
			text: 'Die Arbeitsbelastung lässt genug Zeit, sich in neue digitale Abläufe einzuarbeiten.',
			perspectives: ['H', 'A', 'B', 'PR'],
			reverse: false
		},
		{
			id: 'fuehrung.08',
			dimension: 'fuehrung',
			type: 'L',
			text: 'Politik und Verwaltung verstehen Digitalisierung als gemeinsame Aufgabe.',
			perspectives: ['H', 'D', 'A', 'P'],
			reverse: false
		},
		{
			id: 'fuehrung.09',
			dimension: 'fuehrung',
			type: 'C',
			text: 'Welche dieser Formate begleiten den Wandel in Ihrer Verwaltung?',
			perspectives: ['H', 'D', 'A', 'PR'],
			options: [
				{
					id: 'information',
					text: 'Regelmäßige Information aller Beschäftigten über Digitalisierungsvorhaben'
				},
				{ id: 'lotsen', text: 'Digitallots:innen oder Key-User in den Ämtern' },
				{ id: 'ideen', text: 'Ideenmanagement oder Ideenpostfach' },
				{ id: 'pilotgruppen', text: 'Pilotgruppen, die neue Lösungen zuerst erproben' },
				{ id: 'befragung', text: 'Befragungen der Beschäftigten zu laufenden Vorhaben' },
				{
					id: 'fuehrungskraefte',
					text: 'Fortbildung für Führungskräfte zum Führen im digitalen Wandel'
				}
			]
		},

		// ── Prozesse & Organisation ──────────────────────────────────────────────────────────────────────
		{
			id: 'prozesse.01',
			dimension: 'prozesse',
			type: 'R',
			text: 'Wie gut sind die wichtigsten Verwaltungsabläufe beschrieben?',
			hint: 'Zum Beispiel als Prozesslandkarte oder als Ablaufdiagramme mit Zuständigkeiten.',
			perspectives: ['H', 'D', 'A', 'B'],
			levels: [
				'Abläufe sind nirgends beschrieben; das Wissen steckt in den Köpfen.',
				'Einzelne Abläufe sind in Dienstanweisungen oder Checklisten festgehalten.',
				'Eine Prozesslandkarte ist begonnen, erste Abläufe werden nach einer einheitlichen Methode beschrieben.',
				'Die wichtigsten Abläufe sind einheitlich beschrieben und für alle Beschäftigten zugänglich.',
				'Die Beschreibungen haben Verantwortliche, werden aktuell gehalten und sind Grundlage jedes Digitalisierungsvorhabens.'
			]
		},
		{
			id: 'prozesse.02',
			dimension: 'prozesse',
			type: 'R',
			text: 'Werden Abläufe überprüft und vereinfacht, bevor sie digitalisiert werden?',
			perspectives: ['H', 'D', 'A'],
			levels: [
				'Abläufe werden beim Digitalisieren unverändert übernommen.',
				'Gelegentlich fallen bei der Umstellung überflüssige Schritte auf und werden gestrichen.',
				'Bei ersten Vorhaben wird der Ablauf vor der Umstellung gezielt untersucht und verschlankt.',
				'Vor jeder Digitalisierung kommen Arbeitsschritte, Medienbrüche und Zuständigkeiten auf den Prüfstand.',
				'Abläufe werden anhand von Durchlaufzeiten und Rückmeldungen fortlaufend verbessert.'
			]
		},
		{
			id: 'prozesse.03',
			dimension: 'prozesse',
			type: 'R',
			text: 'Wie durchgängig digital laufen Vorgänge vom Eingang bis zur Ablage?',
			hint: 'Ein Medienbruch ist ein Wechsel zwischen Papier und digital, z. B. Ausdrucken und wieder Einscannen.',
			perspectives: ['H', 'D', 'A', 'B'],
			levels: [
				'Vorgänge werden fast ausschließlich auf Papier bearbeitet.',
				'Einzelne Schritte sind digital, dazwischen wird ausgedruckt und wieder eingescannt.',
				'Für einige Abläufe ist eine durchgängig digitale Bearbeitung eingeführt oder in Erprobung.',
				'Die meisten Abläufe laufen ohne Medienbruch vom Eingang bis zur Ablage.',
				'Durchgängig digitale Abläufe sind die Regel; Routineschritte laufen automatisiert und werden überwacht.'
			]
		},
		{
			id: 'prozesse.04',
			dimension: 'prozesse',
			type: 'L',
			text: 'Papier und digitale Bearbeitung laufen oft parallel.',
			perspectives: ['H', 'D', 'A', 'B', 'PR'],
			reverse: true
		},
		{
			id: 'prozesse.05',
			dimension: 'prozesse',
			type: 'L',
			text: 'Die Zuständigkeiten zwischen den Ämtern sind klar geregelt; Vorgänge bleiben selten liegen.',
			perspectives: ['H', 'A', 'B', 'PR'],
			reverse: false
		},
		{
			id: 'prozesse.06',
			dimension: 'prozesse',
			type: 'L',
			text: 'Dieselben Angaben müssen häufig in mehrere Programme oder Listen eingetragen werden.',
			perspectives: ['D', 'A', 'B', 'PR'],
			reverse: true
		},
		{
			id: 'prozesse.07',
			dimension: 'prozesse',
			type: 'C',
			text: 'Welche dieser Hilfsmittel für die Arbeit an Abläufen gibt es?',
			perspectives: ['H', 'D', 'A'],
			options: [
				{ id: 'prozesslandkarte', text: 'Prozesslandkarte der gesamten Verwaltung' },
				{ id: 'methode', text: 'Einheitliche Methode oder Software zur Beschreibung von Abläufen' },
				{ id: 'verantwortliche', text: 'Benannte Verantwortliche für wichtige Abläufe' },
				{ id: 'organisation', text: 'Organisationsstelle mit Zeit für Prozessarbeit' },
				{ id: 'fallzahlen', text: 'Erfassung von Fallzahlen oder Durchlaufzeiten' },
				{
					id: 'nachnutzung',
					text: 'Nachnutzung fertiger Prozessmodelle, z. B. aus FIM (Föderales Informationsmanagement) oder von anderen Kommunen'
				}
			]
		},
		{
			id: 'prozesse.08',
			dimension: 'prozesse',
			type: 'F',
			text: 'Wie viele Stellen sind für Organisation und Prozessmanagement vorgesehen?',
			hint: 'In Vollzeitäquivalenten (VZÄ); 0, wenn die Aufgabe nebenher erledigt wird.',
			perspectives: ['H', 'D'],
			fact: { kind: 'number', unit: 'VZÄ', min: 0, max: 100 }
		},

		// ── Digitale Verwaltungsleistungen & Service (OZG) ───────────────────────────────────────────────
		{
			id: 'ozg.01',
			dimension: 'ozg',
			type: 'R',
			text: 'Wie weit sind die Leistungen Ihrer Kommune online nutzbar?',
			hint: 'Angelehnt an das Reifegradmodell zum Onlinezugangsgesetz (OZG): von reiner Information bis zur vollständig digitalen Abwicklung.',
			perspectives: ['H', 'D', 'A', 'P'],
			levels: [
				'Zu den Leistungen gibt es online kaum Informationen.',
				'Leistungen sind online beschrieben, Anträge laufen aber auf Papier oder vor Ort.',
				'Formulare stehen zum Herunterladen bereit, erste Online-Anträge werden erprobt.',
				'Viele Leistungen können online beantragt werden; Nachweise werden elektronisch hochgeladen.',
				'Häufig genutzte Leistungen laufen vollständig digital bis zum elektronischen Bescheid, und vorhandene Nachweise werden nicht erneut verlangt.'
			]
		},
		{
			id: 'ozg.02',
			dimension: 'ozg',
			type: 'R',
			text: 'Wie kommen Online-Anträge in der Sachbearbeitung an?',
			perspectives: ['H', 'D', 'A', 'B'],
			levels: [
				'Es gibt keine Online-Anträge, oder sie kommen nur als E-Mail zum Ausdrucken an.',
				'Online-Anträge werden ausgedruckt und wie Papieranträge weiterbearbeitet.',
				'Für einzelne Leistungen werden Antragsdaten über eine Schnittstelle ins Fachverfahren übernommen.',
				'Bei den meisten Online-Leistungen fließen die Antragsdaten ohne Abtippen ins Fachverfahren.',
				'Eingang, Bearbeitung, Bescheid und Statusmeldung an die Antragstellenden laufen durchgängig digital und werden ausgewertet.'
			]
		},
		{
			id: 'ozg.03',
			dimension: 'ozg',
			type: 'R',
			text: 'Wie nutzerfreundlich sind die Online-Angebote der Kommune?',
			perspectives: ['H', 'D', 'A', 'P'],
			levels: [
				'Nutzerfreundlichkeit spielt bei den Online-Angeboten keine Rolle.',
				'Beschwerden über schwer verständliche Formulare werden im Einzelfall aufgegriffen.',
				'Einzelne Angebote werden mit Bürger:innen getestet oder in einfacher Sprache überarbeitet.',
				'Die Online-Angebote sind barrierefrei, auf dem Smartphone nutzbar und verständlich formuliert.',
				'Rückmeldungen und Nutzungszahlen werden regelmäßig ausgewertet und führen zu Verbesserungen.'
			]
		},
		{
			id: 'ozg.04',
			dimension: 'ozg',
			type: 'L',
			text: 'Häufig gebrauchte Leistungen der Kommune lassen sich vollständig online erledigen.',
			perspectives: ['H', 'D', 'A', 'P', 'E'],
			reverse: false
		},
		{
			id: 'ozg.05',
			dimension: 'ozg',
			type: 'L',
			text: 'Wer online einen Antrag stellt, muss trotzdem oft persönlich erscheinen oder Unterlagen per Post nachreichen.',
			perspectives: ['H', 'A', 'B', 'P', 'E'],
			reverse: true
		},
		{
			id: 'ozg.06',
			dimension: 'ozg',
			type: 'L',
			text: 'Online-Formulare und Informationen der Kommune sind leicht zu finden und verständlich.',
			perspectives: ['H', 'A', 'P', 'E'],
			reverse: false
		},
		{
			id: 'ozg.07',
			dimension: 'ozg',
			type: 'L',
			text: 'Für Antragstellende ist kaum erkennbar, wie weit ihr Antrag ist und wie lange er noch dauert.',
			perspectives: ['H', 'A', 'P', 'E'],
			reverse: true
		},
		{
			id: 'ozg.08',
			dimension: 'ozg',
			type: 'C',
			text: 'Welche dieser digitalen Zugänge bietet die Kommune an?',
			perspectives: ['H', 'D', 'A', 'P', 'E'],
			options: [
				{ id: 'online-antrag', text: 'Online-Anträge über ein Serviceportal' },
				{ id: 'konto', text: 'Anmeldung mit Bürgerkonto (BundID) oder Unternehmenskonto' },
				{ id: 'bezahlen', text: 'Gebühren online bezahlen' },
				{ id: 'termin', text: 'Online-Terminvereinbarung' },
				{ id: 'postfach', text: 'Bescheide digital ins Postfach des Kontos' },
				{ id: 'status', text: 'Anzeige des Bearbeitungsstands' },
				{ id: 'wegweiser', text: 'Aktuelle Leistungsbeschreibungen mit Ansprechpersonen' }
			]
		},
		{
			id: 'ozg.09',
			dimension: 'ozg',
			type: 'F',
			text: 'Welcher Anteil der OZG-Leistungen, für die Ihre Kommune zuständig ist, kann online beantragt werden?',
			perspectives: ['H', 'D', 'A'],
			fact: {
				kind: 'band',
				bands: ['unter 10 %', '10 bis 24 %', '25 bis 49 %', '50 bis 74 %', '75 % und mehr']
			}
		},

		// ── Interne Basisdienste & Fachverfahren ─────────────────────────────────────────────────────────
		{
			id: 'basisdienste.01',
			dimension: 'basisdienste',
			type: 'R',
			text: 'Wie weit ist die elektronische Akte (E-Akte) eingeführt?',
			hint: 'Ein Dokumentenmanagementsystem, in dem Akten verbindlich elektronisch geführt werden.',
			perspectives: ['H', 'D', 'A', 'B', 'PR'],
			levels: [
				'Akten werden ausschließlich auf Papier geführt.',
				'Dokumente liegen zusätzlich in Ordnern auf Netzlaufwerken; maßgeblich bleibt die Papierakte.',
				'Ein Dokumentenmanagementsystem ist beschafft, die E-Akte wird in ersten Bereichen erprobt.',
				'In den meisten Bereichen ist die E-Akte die führende Akte; Papierpost wird beim Eingang gescannt.',
				'Die E-Akte ist überall verbindlich, mit den Fachverfahren verbunden und wird bis zur Aussonderung und Archivierung gesteuert.'
			]
		},
		{
			id: 'basisdienste.02',
			dimension: 'basisdienste',
			type: 'R',
			text: 'Wie werden Eingangsrechnungen bearbeitet?',
			hint: 'XRechnung ist der Standard für elektronische Rechnungen an öffentliche Auftraggeber.',
			perspectives: ['H', 'D', 'A'],
			levels: [
				'Rechnungen kommen auf Papier und werden von Hand geprüft und gebucht.',
				'Elektronische Rechnungen werden angenommen, aber ausgedruckt und auf Papier freigegeben.',
				'Ein digitaler Rechnungsworkflow ist eingerichtet und wird in einzelnen Ämtern erprobt.',
				'XRechnungen werden automatisch eingelesen, digital geprüft, freigegeben und ins Finanzverfahren übernommen.',
				'Der Rechnungsdurchlauf ist weitgehend automatisiert; Durchlaufzeiten und verpasste Skontofristen werden ausgewertet.'
			]
		},
		{
			id: 'basisdienste.03',
			dimension: 'basisdienste',
			type: 'R',
			text: 'Wie digital arbeiten Rat und Ausschüsse?',
			hint: 'Ein Ratsinformationssystem stellt Einladungen, Vorlagen und Protokolle digital bereit, oft mit einer App für Ratsmitglieder.',
			perspectives: ['H', 'D', 'A', 'P'],
			levels: [
				'Sitzungsunterlagen werden ausschließlich gedruckt und verschickt.',
				'Unterlagen werden zusätzlich als PDF per E-Mail verschickt.',
				'Ein Ratsinformationssystem ist eingeführt, gedruckte Unterlagen sind aber noch die Regel.',
				'Der Sitzungsdienst läuft über das Ratsinformationssystem; Ratsmitglieder arbeiten mit digitalen Unterlagen.',
				'Vorlagen werden digital erstellt und abgestimmt, Beschlüsse lassen sich bis zur Umsetzung verfolgen und öffentlich recherchieren.'
			]
		},
		{
			id: 'basisdienste.04',
			dimension: 'basisdienste',
			type: 'L',
			text: 'Die Programme, mit denen ich arbeite, unterstützen meine Aufgaben gut.',
			perspectives: ['D', 'A', 'B', 'PR'],
			reverse: false
		},
		{
			id: 'basisdienste.05',
			dimension: 'basisdienste',
			type: 'L',
			text: 'Für viele Aufgaben werden selbst gebaute Excel-Listen geführt, weil das Fachverfahren nicht ausreicht.',
			hint: 'Fachverfahren: die Software für eine Fachaufgabe, z. B. Meldewesen, Finanzen oder Bauanträge.',
			perspectives: ['D', 'A', 'B', 'PR'],
			reverse: true
		},
		{
			id: 'basisdienste.06',
			dimension: 'basisdienste',
			type: 'L',
			text: 'Die Einführung von E-Akte und anderen Basisdiensten ist mit dem Personalrat in einer Dienstvereinbarung geregelt.',
			perspectives: ['H', 'D', 'PR'],
			reverse: false
		},
		{
			id: 'basisdienste.07',
			dimension: 'basisdienste',
			type: 'L',
			text: 'Sitzungsunterlagen für Rat und Ausschüsse sind rechtzeitig, vollständig und gut durchsuchbar digital verfügbar.',
			perspectives: ['H', 'A', 'P'],
			reverse: false
		},
		{
			id: 'basisdienste.08',
			dimension: 'basisdienste',
			type: 'C',
			text: 'Welche dieser Basisdienste sind im Einsatz?',
			perspectives: ['H', 'D', 'A'],
			options: [
				{ id: 'e-akte', text: 'E-Akte bzw. Dokumentenmanagement' },
				{ id: 'xrechnung', text: 'Digitaler Rechnungseingang (XRechnung)' },
				{ id: 'ris', text: 'Ratsinformationssystem' },
				{ id: 'posteingang', text: 'Zentraler Posteingang mit Scanstelle' },
				{ id: 'zeiterfassung', text: 'Elektronische Zeiterfassung und Urlaubsanträge' },
				{ id: 'signatur', text: 'Elektronische Signatur bzw. elektronisches Siegel' },
				{
					id: 'zusammenarbeit',
					text: 'Gemeinsame Plattform für Dokumente, Termine und Videokonferenzen'
				},
				{ id: 'intranet', text: 'Intranet oder Wissensplattform' }
			]
		},
		{
			id: 'basisdienste.09',
			dimension: 'basisdienste',
			type: 'F',
			text: 'Wie viele Fachverfahren sind ungefähr im Einsatz?',
			perspectives: ['H', 'D'],
			fact: { kind: 'number', unit: 'Verfahren', min: 0, max: 1000 }
		},

		// ── IT-Infrastruktur & Betrieb ───────────────────────────────────────────────────────────────────
		{
			id: 'infrastruktur.01',
			dimension: 'infrastruktur',
			type: 'R',
			text: 'Wie ist der IT-Betrieb geregelt?',
			hint: 'Ob durch die eigene IT, ein kommunales Rechenzentrum oder einen anderen IT-Dienstleister.',
			perspectives: ['H', 'D'],
			levels: [
				'Der IT-Betrieb ist nicht geregelt; es kümmert sich, wer sich auskennt.',
				'Einzelne Personen oder Firmen betreuen die IT auf Zuruf, ohne feste Vereinbarungen.',
				'Zuständigkeiten und Leistungen werden gerade festgelegt, z. B. in einem ersten Vertrag mit einem IT-Dienstleister.',
				'Betrieb und Leistungen sind verbindlich vereinbart, etwa mit einem kommunalen Rechenzentrum oder der eigenen IT-Abteilung.',
				'Verfügbarkeit, Reaktionszeiten und Kosten werden laufend gemessen und gemeinsam mit dem Betreiber gesteuert.'
			]
		},
		{
			id: 'infrastruktur.02',
			dimension: 'infrastruktur',
			type: 'R',
			text: 'Wie zeitgemäß sind die Arbeitsplätze ausgestattet?',
			perspectives: ['H', 'D', 'A', 'B', 'PR'],
			levels: [
				'Viele Arbeitsplätze haben veraltete Geräte oder keinen eigenen Rechner.',
				'Geräte werden ersetzt, wenn sie ausfallen; die Ausstattung unterscheidet sich stark zwischen den Ämtern.',
				'Ein Ausstattungskonzept ist erstellt; mobile Geräte und zweite Bildschirme werden in einzelnen Bereichen erprobt.',
				'Alle Arbeitsplätze sind einheitlich und zeitgemäß ausgestattet, mobiles Arbeiten ist technisch möglich.',
				'Geräte werden planmäßig erneuert, und die Ausstattung wird regelmäßig an den Aufgaben ausgerichtet.'
			]
		},
		{
			id: 'infrastruktur.03',
			dimension: 'infrastruktur',
			type: 'R',
			text: 'Wie gut sind die Standorte der Verwaltung ans Netz angebunden?',
			hint: 'Breitband bzw. Glasfaser für Rathaus, Außenstellen, Bauhof und weitere Standorte.',
			perspectives: ['H', 'D'],
			levels: [
				'Standorte sind nur langsam oder gar nicht angebunden.',
				'Das Rathaus hat eine brauchbare Anbindung, Außenstellen arbeiten mit Engpässen.',
				'Ein Ausbau auf Glasfaser ist geplant oder für erste Standorte beauftragt.',
				'Alle wesentlichen Standorte sind leistungsfähig und ausfallsicher angebunden.',
				'Bandbreite und Ausfälle werden überwacht, die Kapazität wird vorausschauend erweitert.'
			]
		},
		{
			id: 'infrastruktur.04',
			dimension: 'infrastruktur',
			type: 'L',
			text: 'IT-Störungen behindern die Arbeit regelmäßig.',
			perspectives: ['H', 'D', 'A', 'B', 'PR'],
			reverse: true
		},
		{
			id: 'infrastruktur.05',
			dimension: 'infrastruktur',
			type: 'L',
			text: 'Bei IT-Problemen bekomme ich schnell und verständlich Hilfe.',
			perspectives: ['H', 'A', 'B', 'PR'],
			reverse: false
		},
		{
			id: 'infrastruktur.06',
			dimension: 'infrastruktur',
			type: 'L',
			text: 'Ich kann bei Bedarf auch von unterwegs oder von zu Hause sicher auf meine Arbeitsumgebung zugreifen.',
			perspectives: ['H', 'A', 'B', 'PR'],
			reverse: false
		},
		{
			id: 'infrastruktur.07',
			dimension: 'infrastruktur',
			type: 'C',
			text: 'Was davon gibt es für den IT-Betrieb?',
			perspectives: ['H', 'D'],
			options: [
				{ id: 'inventar', text: 'Vollständiges Verzeichnis von Hard- und Software' },
				{
					id: 'zentrale-verwaltung',
					text: 'Zentrale Verwaltung und Aktualisierung der Arbeitsplatzrechner'
				},
				{ id: 'service-desk', text: 'Service-Desk mit Ticketsystem' },
				{
					id: 'datensicherung',
					text: 'Regelmäßige Datensicherung, deren Wiederherstellung getestet wird'
				},
				{ id: 'erneuerung', text: 'Plan für den Austausch von Geräten und Systemen' },
				{
					id: 'rechenzentrum',
					text: 'Betrieb zentraler Systeme in einem zertifizierten Rechenzentrum'
				}
			]
		},

		// ── Informationssicherheit & Datenschutz ─────────────────────────────────────────────────────────
		{
			id: 'sicherheit.01',
			dimension: 'sicherheit',
			type: 'R',
			text: 'Wie ist das Management der Informationssicherheit aufgebaut?',
			hint: 'Orientierung geben der BSI IT-Grundschutz (z. B. die Basis-Absicherung) und das NDIG.',
			perspectives: ['H', 'D'],
			levels: [
				'Informationssicherheit ist niemandem ausdrücklich zugewiesen.',
				'Die IT kümmert sich um Virenschutz und Firewall, ein übergreifendes Sicherheitskonzept fehlt.',
				'Ein:e Informationssicherheitsbeauftragte:r ist benannt; Leitlinie und Basis-Absicherung sind in Arbeit.',
				'Leitlinie und Sicherheitskonzept nach IT-Grundschutz sind umgesetzt, Risiken werden regelmäßig bewertet.',
				'Audits und Kennzahlen prüfen die Sicherheit; sie wird im Kreislauf Planen – Umsetzen – Prüfen – Verbessern weiterentwickelt.'
			]
		},
		{
			id: 'sicherheit.02',
			dimension: 'sicherheit',
			type: 'R',
			text: 'Wie gut ist die Verwaltung auf einen IT-Notfall vorbereitet, z. B. einen Cyberangriff?',
			perspectives: ['H', 'D', 'A'],
			levels: [
				'Für einen IT-Ausfall gibt es keine Vorkehrungen.',
				'Datensicherungen gibt es, aber niemand weiß genau, wie lange eine Wiederherstellung dauern würde.',
				'Ein Notfallkonzept wird erarbeitet; kritische Leistungen und Ansprechpersonen sind bestimmt.',
				'Ein Notfallplan mit Meldewegen, Ersatzverfahren und Wiederanlaufzeiten liegt vor und ist bekannt.',
				'Notfälle werden regelmäßig geübt; Erkenntnisse aus Übungen und Vorfällen verbessern den Plan.'
			]
		},
		{
			id: 'sicherheit.03',
			dimension: 'sicherheit',
			type: 'R',
			text: 'Wie ist der Datenschutz nach der DSGVO organisiert?',
			perspectives: ['H', 'D', 'A', 'PR'],
			levels: [
				'Datenschutz wird nur bedacht, wenn jemand nachfragt.',
				'Ein:e Datenschutzbeauftragte:r ist benannt, hat für die Aufgabe aber kaum Zeit.',
				'Das Verzeichnis der Verarbeitungstätigkeiten wird aufgebaut, Verfahren werden nach und nach geprüft.',
				'Verarbeitungsverzeichnis, Verträge zur Auftragsverarbeitung und Löschfristen sind vollständig und aktuell.',
				'Datenschutz wird bei jedem neuen Verfahren von Anfang an mitgeplant und regelmäßig kontrolliert.'
			]
		},
		{
			id: 'sicherheit.04',
			dimension: 'sicherheit',
			type: 'L',
			text: 'Ich weiß, was ich bei einer verdächtigen E-Mail oder einem Sicherheitsvorfall tun muss.',
			perspectives: ['H', 'A', 'B', 'PR', 'P'],
			reverse: false
		},
		{
			id: 'sicherheit.05',
			dimension: 'sicherheit',
			type: 'L',
			text: 'Datenschutz wird bei uns oft als Grund genannt, etwas nicht zu digitalisieren.',
			perspectives: ['H', 'D', 'A', 'B', 'PR', 'P'],
			reverse: true
		},
		{
			id: 'sicherheit.06',
			dimension: 'sicherheit',
			type: 'L',
			text: 'Informationssicherheit hat bei Verwaltungsspitze und Rat einen festen Platz, auch im Haushalt.',
			perspectives: ['H', 'D', 'P'],
			reverse: false
		},
		{
			id: 'sicherheit.07',
			dimension: 'sicherheit',
			type: 'L',
			text: 'Was IT-Systeme über die Arbeit der Beschäftigten aufzeichnen und wer das auswerten darf, ist klar geregelt.',
			hint: 'Zum Beispiel Protokolldaten; meist in einer Dienstvereinbarung mit dem Personalrat.',
			perspectives: ['H', 'D', 'B', 'PR'],
			reverse: false
		},
		{
			id: 'sicherheit.08',
			dimension: 'sicherheit',
			type: 'C',
			text: 'Welche dieser Schutzmaßnahmen sind umgesetzt?',
			perspectives: ['H', 'D'],
			options: [
				{ id: 'isb', text: 'Benannte:r Informationssicherheitsbeauftragte:r' },
				{ id: 'leitlinie', text: 'Beschlossene Leitlinie zur Informationssicherheit' },
				{
					id: 'mfa',
					text: 'Anmeldung mit zweitem Faktor für Fernzugriffe und Administratorkonten'
				},
				{ id: 'sensibilisierung', text: 'Regelmäßige Sensibilisierung aller Beschäftigten' },
				{ id: 'offline-sicherung', text: 'Vom Netz getrennte Datensicherung' },
				{ id: 'updates', text: 'Geregeltes, zeitnahes Einspielen von Sicherheitsupdates' },
				{ id: 'notfalluebung', text: 'Geübter Notfallplan' },
				{ id: 'dsb', text: 'Benannte:r Datenschutzbeauftragte:r' }
			]
		},

		// ── Daten & Interoperabilität ────────────────────────────────────────────────────────────────────
		{
			id: 'daten.01',
			dimension: 'daten',
			type: 'R',
			text: 'Wie tauschen die Fachverfahren Daten untereinander und mit anderen Behörden aus?',
			hint: 'XÖV-Standards (z. B. XMeld, XBau, XRechnung) regeln den Datenaustausch in der öffentlichen Verwaltung.',
			perspectives: ['H', 'D', 'A'],
			levels: [
				'Daten zwischen Verfahren werden nur von Hand übertragen.',
				'Einzelne Verfahren tauschen Daten über Dateiexport und -import aus.',
				'Schnittstellen nach XÖV-Standards sind für erste Verfahren beauftragt oder in Erprobung.',
				'Die wichtigsten Fachverfahren sind über Standardschnittstellen verbunden.',
				'Bei jeder Beschaffung werden offene Standards und Schnittstellen verlangt, und der Datenaustausch wird überwacht.'
			]
		},
		{
			id: 'daten.02',
			dimension: 'daten',
			type: 'R',
			text: 'Wie wird die Qualität wichtiger Datenbestände gesichert?',
			hint: 'Zum Beispiel Adressen, Grundstücke, Personen oder Gebäude.',
			perspectives: ['H', 'D', 'A'],
			levels: [
				'Niemand fühlt sich für die Qualität der Daten verantwortlich.',
				'Fehler in Datenbeständen werden korrigiert, wenn sie zufällig auffallen.',
				'Für erste Datenbestände sind Verantwortliche und Pflegeregeln festgelegt.',
				'Wichtige Datenbestände haben Verantwortliche und Regeln und werden regelmäßig bereinigt.',
				'Die Datenqualität wird gemessen; Stammdaten werden zentral gepflegt und von allen Verfahren genutzt.'
			]
		},
		{
			id: 'daten.03',
			dimension: 'daten',
			type: 'R',
			text: 'Werden Daten für Entscheidungen genutzt und als Open Data veröffentlicht?',
			hint: 'Open Data: Daten der Verwaltung, die jede:r frei und maschinenlesbar nutzen darf.',
			perspectives: ['H', 'D', 'A', 'P'],
			levels: [
				'Verwaltungsdaten werden weder ausgewertet noch veröffentlicht.',
				'Auswertungen entstehen fallweise in Tabellen, wenn jemand Zahlen braucht.',
				'Ein erstes Berichtswesen oder Dashboard ist im Aufbau; erste Open-Data-Veröffentlichungen sind geplant.',
				'Kennzahlen unterstützen regelmäßig Entscheidungen, Datensätze werden als Open Data veröffentlicht.',
				'Eine Datenstrategie regelt Auswertung und Veröffentlichung; die Nutzung der offenen Daten wird verfolgt.'
			]
		},
		{
			id: 'daten.04',
			dimension: 'daten',
			type: 'L',
			text: 'Informationen, die ich für meine Arbeit brauche, muss ich mir aus verschiedenen Stellen zusammensuchen.',
			perspectives: ['D', 'A', 'B', 'PR'],
			reverse: true
		},
		{
			id: 'daten.05',
			dimension: 'daten',
			type: 'L',
			text: 'Daten der Kommune, z. B. zu Haushalt, Bauleitplanung oder Umwelt, sind öffentlich und maschinenlesbar zugänglich.',
			perspectives: ['H', 'D', 'P', 'E'],
			reverse: false
		},
		{
			id: 'daten.06',
			dimension: 'daten',
			type: 'L',
			text: 'Dieselben Angaben werden bei Bürger:innen mehrfach abgefragt, weil Ämter ihre Daten nicht teilen.',
			perspectives: ['H', 'A', 'B', 'PR', 'P'],
			reverse: true
		},
		{
			id: 'daten.07',
			dimension: 'daten',
			type: 'L',
			text: 'Auswertungen, die ich für meine Arbeit brauche, kann ich selbst aus den Programmen ziehen.',
			perspectives: ['D', 'A', 'B'],
			reverse: false
		},
		{
			id: 'daten.08',
			dimension: 'daten',
			type: 'L',
			text: 'Bei der Beschaffung neuer Software achten wir darauf, dass sich die Daten vollständig exportieren und weitergeben lassen.',
			perspectives: ['H', 'D', 'A'],
			reverse: false
		},
		{
			id: 'daten.09',
			dimension: 'daten',
			type: 'C',
			text: 'Welche dieser Bausteine der Datenarbeit gibt es?',
			perspectives: ['H', 'D', 'A'],
			options: [
				{ id: 'gis', text: 'Geoinformationssystem (GIS) mit gemeinsam genutzten Geodaten' },
				{ id: 'stammdaten', text: 'Zentral gepflegte Stammdaten, z. B. Adressen und Kontakte' },
				{ id: 'xoev', text: 'Schnittstellen nach XÖV-Standards' },
				{ id: 'kennzahlen', text: 'Berichte oder Dashboards mit Kennzahlen' },
				{ id: 'open-data', text: 'Veröffentlichte Open-Data-Datensätze' },
				{ id: 'datenverantwortung', text: 'Benannte Verantwortliche für wichtige Datenbestände' },
				{
					id: 'once-only',
					text: 'Nachweise werden bei anderen Behörden abgerufen statt bei Antragstellenden angefordert (Once-Only)'
				}
			]
		},

		// ── Personal & Kompetenzen ───────────────────────────────────────────────────────────────────────
		{
			id: 'personal.01',
			dimension: 'personal',
			type: 'R',
			text: 'Wie werden die digitalen Kompetenzen der Beschäftigten entwickelt?',
			perspectives: ['H', 'D', 'A', 'B', 'PR'],
			levels: [
				'Fortbildungen zu digitalen Themen gibt es nicht.',
				'Schulungen finden nur statt, wenn eine neue Software eingeführt wird.',
				'Der Qualifizierungsbedarf wird erhoben, ein Fortbildungsangebot zu digitalen Themen wird aufgebaut.',
				'Alle Beschäftigten haben Zugang zu einem festen Fortbildungsangebot, auch zum Selbstlernen.',
				'Kompetenzen werden nach Rollen geplant; der Lernerfolg wird überprüft und das Angebot angepasst.'
			]
		},
		{
			id: 'personal.02',
			dimension: 'personal',
			type: 'R',
			text: 'Wie gelingt es, Fachkräfte für IT und Digitalisierung zu gewinnen und zu halten?',
			perspectives: ['H', 'D', 'A', 'PR', 'P'],
			levels: [
				'Stellen für IT und Digitalisierung gibt es nicht, oder sie bleiben dauerhaft unbesetzt.',
				'Stellen werden ausgeschrieben, wenn jemand geht; Bewerbungen bleiben oft aus.',
				'Erste Maßnahmen wie Zulagen, flexible Arbeitszeiten oder eigene Ausbildung werden erprobt.',
				'Die Verwaltung hat ein klares Angebot für IT-Fachkräfte und besetzt Stellen in der Regel zügig.',
				'Der Personalbedarf wird vorausschauend geplant, Nachwuchs selbst ausgebildet und die Fluktuation ausgewertet.'
			]
		},
		{
			id: 'personal.03',
			dimension: 'personal',
			type: 'R',
			text: 'Wie wird der Personalrat beteiligt, wenn digitale Verfahren eingeführt werden?',
			hint: 'Mitbestimmung nach dem Niedersächsischen Personalvertretungsgesetz, z. B. über Dienstvereinbarungen.',
			perspectives: ['H', 'D', 'A', 'PR'],
			levels: [
				'Der Personalrat erfährt von neuen Verfahren erst, wenn sie eingeführt sind.',
				'Der Personalrat wird im Einzelfall förmlich beteiligt, oft unter Zeitdruck.',
				'Eine Rahmendienstvereinbarung zur Einführung von IT wird verhandelt oder ist gerade abgeschlossen.',
				'Der Personalrat ist von Beginn an eingebunden; die Mitbestimmung läuft nach vereinbarten Regeln zügig.',
				'Verwaltung und Personalrat gestalten die Digitalisierung gemeinsam und werten ihre Erfahrungen regelmäßig aus.'
			]
		},
		{
			id: 'personal.04',
			dimension: 'personal',
			type: 'L',
			text: 'Ich fühle mich sicher im Umgang mit den digitalen Werkzeugen, die ich für meine Arbeit brauche.',
			perspectives: ['H', 'A', 'B', 'PR'],
			reverse: false
		},
		{
			id: 'personal.05',
			dimension: 'personal',
			type: 'L',
			text: 'Für Fortbildungen zu digitalen Themen fehlt im Arbeitsalltag die Zeit.',
			perspectives: ['A', 'B', 'PR'],
			reverse: true
		},
		{
			id: 'personal.06',
			dimension: 'personal',
			type: 'L',
			text: 'Die Sorge, durch Digitalisierung Aufgaben oder den Arbeitsplatz zu verlieren, ist bei uns verbreitet.',
			perspectives: ['H', 'A', 'B', 'PR'],
			reverse: true
		},
		{
			id: 'personal.07',
			dimension: 'personal',
			type: 'L',
			text: 'Die Kommune ist ein attraktiver Arbeitgeber für Menschen mit digitalen Fähigkeiten.',
			perspectives: ['H', 'D', 'PR', 'P'],
			reverse: false
		},
		{
			id: 'personal.08',
			dimension: 'personal',
			type: 'C',
			text: 'Welche dieser Angebote gibt es für die Beschäftigten?',
			perspectives: ['H', 'D', 'A', 'PR'],
			options: [
				{ id: 'fortbildung', text: 'Fortbildungsprogramm zu digitalen Themen' },
				{ id: 'e-learning', text: 'E-Learning-Angebote zum Selbstlernen' },
				{ id: 'key-user', text: 'Key-User oder Digitallots:innen mit Zeit für diese Aufgabe' },
				{ id: 'mobiles-arbeiten', text: 'Dienstvereinbarung zum mobilen Arbeiten' },
				{ id: 'rahmen-dv', text: 'Rahmendienstvereinbarung zur Einführung von IT' },
				{
					id: 'ausbildung',
					text: 'Ausbildung oder duales Studium mit IT-Bezug, z. B. Verwaltungsinformatik'
				},
				{
					id: 'einarbeitung',
					text: 'Geplante Einarbeitung neuer Beschäftigter in die digitalen Werkzeuge'
				}
			]
		},
		{
			id: 'personal.09',
			dimension: 'personal',
			type: 'F',
			text: 'Wie viele Stellen in IT und Digitalisierung sind derzeit unbesetzt?',
			perspectives: ['H', 'D'],
			fact: { kind: 'number', unit: 'Stellen', min: 0, max: 500 }
		},

		// ── Kooperation & Vernetzung ─────────────────────────────────────────────────────────────────────
		{
			id: 'kooperation.01',
			dimension: 'kooperation',
			type: 'R',
			text: 'Wie arbeitet die Kommune bei der Digitalisierung mit anderen Kommunen zusammen?',
			hint: 'Interkommunale Zusammenarbeit (IKZ), z. B. gemeinsame Stellen, Beschaffungen oder Verfahren.',
			perspectives: ['H', 'D', 'A', 'P'],
			levels: [
				'Digitalisierungsvorhaben werden ausschließlich allein umgesetzt.',
				'Mit Nachbarkommunen gibt es gelegentlichen Austausch, aber keine gemeinsamen Vorhaben.',
				'Eine erste gemeinsame Lösung mit anderen Kommunen wird vorbereitet oder erprobt.',
				'Mehrere Aufgaben werden gemeinsam erledigt, z. B. über eine Zweckvereinbarung oder einen gemeinsamen Dienstleister.',
				'Bei jedem Vorhaben wird eine Zusammenarbeit geprüft; gemeinsame Lösungen werden gesteuert und auf Wirtschaftlichkeit bewertet.'
			]
		},
		{
			id: 'kooperation.02',
			dimension: 'kooperation',
			type: 'R',
			text: 'Wie werden fertige Lösungen von Bund, Land und anderen Kommunen nachgenutzt?',
			hint: 'Zum Beispiel OZG-Leistungen nach dem Prinzip „Einer für Alle“ (EfA) oder Angebote des Landes Niedersachsen.',
			perspectives: ['H', 'D', 'A'],
			levels: [
				'Fremde Lösungen werden nicht betrachtet; jede Anwendung wird selbst beschafft.',
				'Nachnutzbare Lösungen sind teilweise bekannt, werden aber selten übernommen.',
				'Erste EfA-Leistungen oder Landesangebote werden angebunden oder erprobt.',
				'Vor jeder Beschaffung wird geprüft, ob es eine nachnutzbare Lösung gibt; viele sind im Einsatz.',
				'Die Kommune nutzt Lösungen anderer planmäßig nach und stellt eigene Entwicklungen ihrerseits zur Nachnutzung bereit.'
			]
		},
		{
			id: 'kooperation.03',
			dimension: 'kooperation',
			type: 'L',
			text: 'Die Zuständigkeiten von Bund, Land, Landkreis und Gemeinde bei der Digitalisierung sind klar.',
			perspectives: ['H', 'D', 'A', 'P'],
			reverse: false
		},
		{
			id: 'kooperation.04',
			dimension: 'kooperation',
			type: 'L',
			text: 'Bei wichtigen Verfahren hängen wir von einzelnen Softwareherstellern ab, ohne Alternativen zu haben.',
			perspectives: ['H', 'D', 'A'],
			reverse: true
		},
		{
			id: 'kooperation.05',
			dimension: 'kooperation',
			type: 'L',
			text: 'Bürger:innen, Unternehmen und Vereine werden in Digitalisierungsvorhaben der Kommune einbezogen.',
			perspectives: ['H', 'A', 'P', 'E'],
			reverse: false
		},
		{
			id: 'kooperation.06',
			dimension: 'kooperation',
			type: 'L',
			text: 'Die Kommune informiert verständlich darüber, welche Digitalisierungsvorhaben sie plant und wie weit sie damit ist.',
			perspectives: ['H', 'B', 'P', 'E'],
			reverse: false
		},
		{
			id: 'kooperation.07',
			dimension: 'kooperation',
			type: 'L',
			text: 'Für Unternehmen ist die digitale Zusammenarbeit mit der Kommune einfach, z. B. bei Ausschreibungen, Rechnungen und Genehmigungen.',
			perspectives: ['H', 'A', 'E'],
			reverse: false
		},
		{
			id: 'kooperation.08',
			dimension: 'kooperation',
			type: 'C',
			text: 'Mit wem arbeitet die Kommune bei der Digitalisierung zusammen?',
			perspectives: ['H', 'D', 'A', 'P'],
			options: [
				{ id: 'nachbarn', text: 'Nachbarkommunen' },
				{ id: 'landkreis', text: 'Landkreis bzw. kreisangehörige Gemeinden' },
				{
					id: 'it-dienstleister',
					text: 'Kommunales Rechenzentrum oder öffentlicher IT-Dienstleister'
				},
				{ id: 'land', text: 'Land Niedersachsen, z. B. bei Landesangeboten oder Förderprogrammen' },
				{ id: 'netzwerke', text: 'Kommunale Spitzenverbände und Fachnetzwerke' },
				{ id: 'hochschulen', text: 'Hochschulen oder Forschungseinrichtungen' },
				{ id: 'zivilgesellschaft', text: 'Örtliche Wirtschaft, Vereine und Zivilgesellschaft' }
			]
		}
	]
};
