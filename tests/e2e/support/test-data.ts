import type { KommuneInput } from '../pages/kommune-form';

/**
 * Municipalities of Lower Saxony with structurally valid keys (Land 03). Names are real; population
 * figures are rounded and only need to be plausible.
 */
export const KOMMUNEN: KommuneInput[] = [
	{
		ars: '032410001001',
		name: 'Hannover',
		type: 'Stadt',
		landkreis: 'Region Hannover',
		population: '548.000',
		coreStaff: '11.000',
		itStaffFte: '180',
		itOperatingModel: 'Eigene IT-Abteilung'
	},
	{
		ars: '031010000000',
		name: 'Braunschweig',
		type: 'Kreisfreie Stadt',
		population: '250.000',
		coreStaff: '3.900',
		itStaffFte: '60,5'
	},
	{
		ars: '034590000000',
		name: 'Landkreis Osnabrück',
		type: 'Landkreis',
		population: '360.000',
		coreStaff: '1.900',
		itStaffFte: '45'
	},
	{
		ars: '032410000000',
		name: 'Region Hannover',
		type: 'Region',
		population: '1.170.000',
		coreStaff: '3.500',
		itStaffFte: '90'
	},
	{
		ars: '032410020020',
		name: 'Wunstorf',
		type: 'Stadt',
		landkreis: 'Region Hannover',
		population: '42.000',
		coreStaff: '420',
		itStaffFte: '6'
	},
	{
		ars: '034590024024',
		name: 'Melle',
		type: 'Stadt',
		landkreis: 'Landkreis Osnabrück',
		population: '47.000',
		coreStaff: '480',
		itStaffFte: '5,5'
	},
	{
		ars: '032520006006',
		name: 'Hameln',
		type: 'Stadt',
		landkreis: 'Hameln-Pyrmont',
		population: '57.000',
		coreStaff: '600',
		itStaffFte: '8'
	},
	{
		ars: '033550022022',
		name: 'Lüneburg',
		type: 'Stadt',
		landkreis: 'Lüneburg',
		population: '78.000',
		coreStaff: '900',
		itStaffFte: '12'
	},
	{
		ars: '034540008008',
		name: 'Emsbüren',
		type: 'Einheitsgemeinde',
		landkreis: 'Emsland',
		population: '10.500',
		coreStaff: '80',
		itStaffFte: '1'
	},
	{
		ars: '031550005005',
		name: 'Einbeck',
		type: 'Stadt',
		landkreis: 'Northeim',
		population: '31.000',
		coreStaff: '300',
		itStaffFte: '3'
	},
	{
		ars: '033570009009',
		name: 'Gnarrenburg',
		type: 'Einheitsgemeinde',
		landkreis: 'Rotenburg (Wümme)',
		population: '9.200',
		coreStaff: '60',
		itStaffFte: '0,5'
	},
	{
		ars: '034610001001',
		name: 'Brake (Unterweser)',
		type: 'Stadt',
		landkreis: 'Wesermarsch',
		population: '14.500',
		coreStaff: '140',
		itStaffFte: '2'
	}
];
