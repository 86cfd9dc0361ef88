// What the bench books: complete, in-protocol CT requests (renal colic) typed by the secretariat through the API,
// and as many free CT slots of capacity 1 at the two demo centres that do CT, within the 72 h maximum.

/** Today in Europe/Paris, as the form's request date. */
function todayInParis() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

function requestForm() {
  return {
    doctor: { name: 'Dr Jeanne Martin', rpps: '10001234567', phone: '02 51 12 34 56' },
    requestDate: todayInParis(),
    patient: {
      lastName: 'Banc',
      firstName: 'Essai',
      birthDate: '1958-06-14',
      address: { street: '12 rue Georges Clemenceau', postalCode: '85000', city: 'La Roche-sur-Yon' },
      phone: '06 12 34 56 78',
      email: null,
      ambulatory: true,
      mobilityAid: null,
      pregnant: 'no',
      pacemaker: false,
    },
    exam: { modality: 'ct', anatomicalRegion: 'Abdomen et pelvis', contrast: false },
    suspectedDiagnosis: { code: 'renal-colic', otherText: null },
    clinicalElements: 'Douleur lombaire droite brutale, hématurie à la bandelette.',
    contrastWorkup: null,
    allergies: { contrastAgent: false, details: null },
    channel: 'phone',
  };
}

/** POSTs JSON as a signed-in console would (`headers` from bench/lib/server.mjs's signIn). */
export async function post(baseUrl, headers, path, body, extra = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { ...headers, ...extra },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** `count` pairs (request, slot) ready to book, the requests created through both instances. */
export async function bookingPlan(db, secretariat, urls, count) {
  const form = requestForm();
  const requestIds = new Array(count);
  let next = 0;
  const worker = async (lane) => {
    for (let index = next++; index < count; index = next++) {
      const { status, body } = await post(urls[lane % urls.length], secretariat, '/api/requests', { form });
      if (status !== 201) throw new Error(`request ${index}: ${status} ${JSON.stringify(body)}`);
      requestIds[index] = body.id;
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, lane) => worker(lane)));
  const slots = await db(
    `INSERT INTO slot (centre_id, modality, starts_at, ends_at, capacity, release_at, origin)
     SELECT c.id, 'ct', s.starts_at, s.starts_at + interval '20 minutes', 1, s.starts_at - interval '1 hour', 'manual'
       FROM generate_series(0, $1 - 1) AS g (n)
       CROSS JOIN LATERAL (SELECT date_trunc('minute', now()) + interval '3 hours' + (g.n % 300) * interval '10 minutes' AS starts_at) s
       JOIN LATERAL (SELECT id FROM centre WHERE 'ct' = ANY (modalities) ORDER BY name OFFSET g.n % 2 LIMIT 1) c ON true
     RETURNING id`,
    [count],
  );
  return requestIds.map((requestId, index) => ({ requestId, slotId: slots[index].id }));
}
